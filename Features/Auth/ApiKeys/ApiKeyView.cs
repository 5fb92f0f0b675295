namespace Waitlist.Features.Auth.ApiKeys;

/// <summary>
/// An API key as Better Auth's api-key plugin answers it, field for field, so that its <c>apiKeyClient</c> reads it
/// unchanged. <c>key</c> is there only in the answer to create, the one time the key is shown. What this API does not
/// do per key (refills, usage quotas, permissions, metadata) is null; the rate-limit fields tell the per-key limit every
/// key shares (<c>RateLimits:api-key</c>), counted by the API's shared rate limiter, so <c>requestCount</c> stays 0;
/// <c>lastRequest</c> is the key's last use, noted at most once a minute.
/// </summary>
internal sealed record ApiKeyView(
    string ConfigId,
    string? Name,
    string Start,
    string ReferenceId,
    string? Prefix,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Key,
    long? RefillInterval,
    long? RefillAmount,
    DateTime? LastRefillAt,
    bool Enabled,
    bool RateLimitEnabled,
    long RateLimitTimeWindow,
    int RateLimitMax,
    int RequestCount,
    long? Remaining,
    DateTime? LastRequest,
    DateTime? ExpiresAt,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    IReadOnlyDictionary<string, string[]>? Permissions,
    IReadOnlyDictionary<string, object?>? Metadata,
    string Id)
{
    /// <summary>Better Auth's one configuration; its keys carry this id.</summary>
    private const string DefaultConfigId = "default";

    /// <param name="rateLimits">Where the per-key rate limit is read (<c>RateLimits:api-key</c>).</param>
    /// <param name="key">The key itself, in the answer to create only.</param>
    public static ApiKeyView From(ApiKey apiKey, IOptionsMonitor<RateLimitRule> rateLimits, string? key = null) =>
        From(apiKey, rateLimits.Get(AuthRateLimits.ApiKey), key);

    private static ApiKeyView From(ApiKey apiKey, RateLimitRule rule, string? key) => new(
        DefaultConfigId, apiKey.Name, apiKey.Start, apiKey.UserId, apiKey.Prefix, key,
        RefillInterval: null, RefillAmount: null, LastRefillAt: null, apiKey.Enabled,
        RateLimitEnabled: true, RateLimitTimeWindow: (long)rule.Window.TotalMilliseconds, rule.PermitLimit, RequestCount: 0,
        Remaining: null, apiKey.LastUsedAt, apiKey.ExpiresAt, apiKey.CreatedAt, apiKey.UpdatedAt,
        Permissions: null, Metadata: null, apiKey.Id);
}
