namespace Waitlist.Features.Auth.ApiKeys.CreateApiKey;

/// <summary>Makes a key for the caller and answers it, the one time it is shown: the table keeps its hash and its first characters.</summary>
internal sealed class Handler(AuthStore store, IOptionsMonitor<RateLimitRule> rateLimits, TimeProvider time) : IHandler
{
    public async Task<Ok<ApiKeyView>> HandleAsync(Request request, HttpContext context, CancellationToken cancellationToken)
    {
        var key = ApiKeySecret.New(request.Prefix);
        var expiresAt = request.ExpiresIn is { } seconds ? time.GetUtcNow().AddSeconds(seconds) : (DateTimeOffset?)null;
        var stored = await store.CreateApiKeyAsync(
            new NewApiKey(context.RequiredUser().Id, request.Name, request.Prefix, ApiKeySecret.Start(key), AuthIds.Hash(key), expiresAt), cancellationToken);
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(ApiKeyView.From(stored, rateLimits, key));
    }
}
