using Waitlist.Infrastructure.Scheduling;

namespace Waitlist.Infrastructure.RateLimiting;

/// <summary>
/// Forgets rate-limit windows that have ended. With the in-memory store this cleans the instance that
/// answered the call; a shared (PostgreSQL) store would be cleaned for every instance.
/// </summary>
internal sealed class RateLimitCleanupJob(IRateLimitStore store, TimeProvider time) : ICronJob
{
    public string Name => "ratelimit.cleanup";

    public async Task<int> RunAsync(CancellationToken cancellationToken) =>
        await store.RemoveExpiredAsync(time.GetUtcNow(), cancellationToken);
}
