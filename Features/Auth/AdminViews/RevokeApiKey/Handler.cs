namespace Waitlist.Features.Auth.AdminViews.RevokeApiKey;

/// <summary>
/// Deletes anyone's key, which is refused at its next request on every instance; an admin's key only an admin may
/// delete, as with sessions.
/// </summary>
internal sealed class Handler(AuthStore store) : IHandler
{
    public async Task<Results<Ok<OkResponse>, ErrorResult>> HandleAsync(string id, HttpContext context, CancellationToken cancellationToken)
    {
        var key = await store.FindOwnedApiKeyAsync(id, cancellationToken);
        if (key is null)
            return ErrorResponses.Result(AuthTexts.ApiKeyNotFoundAdmin);
        if (context.RequiredUser().Role != AuthRoles.Admin && (await store.FindUserAsync(key.Key.UserId, cancellationToken))?.Role == AuthRoles.Admin)
            return ErrorResponses.Result(AuthTexts.OnlyAdminsDeleteAdminKeys);
        return await store.DeleteAnyApiKeyAsync(id, cancellationToken)
            ? TypedResults.Ok(new OkResponse(true))
            : ErrorResponses.Result(AuthTexts.ApiKeyNotFoundAdmin);
    }
}
