namespace Waitlist.Features.Auth.ApiKeys.UpdateApiKey;

/// <summary>
/// Renames, enables or disables the caller's key, or changes when it expires. The store evicts the owner's cached keys
/// on every instance in the same transaction, so a key disabled here is refused at its next request everywhere.
/// </summary>
internal sealed class Handler(AuthStore store, IOptionsMonitor<RateLimitRule> rateLimits, TimeProvider time) : IHandler
{
    public async Task<Results<Ok<ApiKeyView>, ErrorResult>> HandleAsync(Request request, HttpContext context, CancellationToken cancellationToken)
    {
        var caller = context.RequiredUser();
        // Better Auth lets a server name the owner; a client naming anyone else is refused as an invalid session.
        if (request.UserId is { } userId && userId.ToString() != caller.Id)
            return ErrorResponses.Result(AuthTexts.UnauthorizedSession);
        var changes = new ApiKeyChanges(request.Name, request.Enabled, request.ChangesExpiry,
            request.ExpiresInSeconds is { } seconds ? time.GetUtcNow().AddSeconds(seconds) : null);
        return AuthIds.IsWellFormed(request.KeyId!) && await store.UpdateApiKeyOfAsync(caller.Id, request.KeyId!, changes, cancellationToken) is { } key
            ? TypedResults.Ok(ApiKeyView.From(key, rateLimits))
            : ErrorResponses.Result(AuthTexts.ApiKeyNotFound);
    }
}
