namespace Waitlist.Features.Auth.ApiKeys.GetApiKey;

/// <summary>One of the caller's keys; someone else's is as unknown as a key that does not exist.</summary>
internal sealed class Handler(AuthStore store, IOptionsMonitor<RateLimitRule> rateLimits) : IHandler
{
    public async Task<Results<Ok<ApiKeyView>, ErrorResult>> HandleAsync(Request request, HttpContext context, CancellationToken cancellationToken) =>
        AuthIds.IsWellFormed(request.Id!) && await store.FindApiKeyOfAsync(context.RequiredUser().Id, request.Id!, cancellationToken) is { } key
            ? TypedResults.Ok(ApiKeyView.From(key, rateLimits))
            : ErrorResponses.Result(AuthTexts.ApiKeyNotFound);
}
