namespace Waitlist.Features.Auth.ApiKeys.ListApiKeys;

/// <summary>The caller's keys (never the keys themselves), oldest first unless sortBy says otherwise.</summary>
internal sealed class Handler(AuthStore store, IOptionsMonitor<RateLimitRule> rateLimits) : IHandler
{
    public async Task<Ok<Response>> HandleAsync(Request request, HttpContext context, CancellationToken cancellationToken)
    {
        int? limit = request.Limit is null ? null : int.Parse(request.Limit);
        int? offset = request.Offset is null ? null : int.Parse(request.Offset);
        var (keys, total) = await store.ListOwnApiKeysAsync(new OwnApiKeysQuery(
            context.RequiredUser().Id, AuthStore.ApiKeySortColumns[request.SortBy ?? "createdAt"], request.SortDirection == "desc", limit, offset ?? 0), cancellationToken);
        return TypedResults.Ok(new Response([.. keys.Select(key => ApiKeyView.From(key, rateLimits))], total, limit, offset));
    }
}
