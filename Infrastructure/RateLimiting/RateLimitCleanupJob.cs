namespace Waitlist.Infrastructure.RateLimiting;

/// <summary>
/// Forgets rate-limit windows that have ended: the rows of <c>rate_limit_windows</c>, for every instance, with the
/// PostgreSQL store; the memory of the instance that answered the call with the in-memory one.
/// </summary>
internal sealed class RateLimitCleanupJob(IRateLimitStore store) : ICronJob
{
    public string Name => "ratelimit.cleanup";

    public async Task<int> RunAsync(CancellationToken cancellationToken) =>
        await store.RemoveExpiredAsync(cancellationToken);
}
