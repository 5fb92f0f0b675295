namespace Waitlist.Features.Auth.AdminViews.EndSession;

/// <summary>Deletes the session, which signs its holder out on their next request; an admin's session only an admin may end.</summary>
internal sealed class Handler(AuthStore store) : IHandler
{
    public async Task<Results<NoContent, ErrorResult>> HandleAsync(string id, HttpContext context, CancellationToken cancellationToken)
    {
        var session = await store.FindSessionByIdAsync(id, cancellationToken);
        if (session is null)
            return ErrorResponses.Result(AuthTexts.SessionNotFound);
        if (context.RequiredUser().Role != AuthRoles.Admin && (await store.FindUserAsync(session.UserId, cancellationToken))?.Role == AuthRoles.Admin)
            return ErrorResponses.Result(AuthTexts.OnlyAdminsEndAdminSessions);
        return await store.DeleteAnySessionAsync(id, cancellationToken)
            ? TypedResults.NoContent()
            : ErrorResponses.Result(AuthTexts.SessionNotFound);
    }
}
