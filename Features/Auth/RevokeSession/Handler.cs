namespace Waitlist.Features.Auth.RevokeSession;

/// <summary>Ends one of the caller's own sessions; a token of nobody's (or of somebody else's) is no error and changes nothing.</summary>
internal sealed class Handler(AuthStore store) : IHandler
{
    public async Task<Ok<StatusResponse>> HandleAsync(Request request, HttpContext context, CancellationToken cancellationToken)
    {
        await store.DeleteSessionOfAsync(context.RequiredSession().User.Id, request.Token!, cancellationToken);
        return TypedResults.Ok(new StatusResponse(true));
    }
}
