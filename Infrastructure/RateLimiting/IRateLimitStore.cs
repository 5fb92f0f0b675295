namespace Waitlist.Infrastructure.RateLimiting;

/// <summary>
/// Where fixed-window counters live: <see cref="PostgresRateLimitStore"/>, shared by every instance (the default), or
/// <see cref="MemoryRateLimitStore"/>, this instance's own (<c>RateLimits:Store</c>).
/// </summary>
public interface IRateLimitStore
{
    /// <summary>
    /// Counts <paramref name="hits"/> hits on <paramref name="key"/> at once, opening a new window when the last one
    /// has ended; the counter returned includes them all.
    /// </summary>
    ValueTask<RateLimitCounter> HitAsync(string key, int hits, TimeSpan window, CancellationToken cancellationToken);

    /// <summary>Forgets windows that have ended, by the store's own clock; returns how many.</summary>
    ValueTask<int> RemoveExpiredAsync(CancellationToken cancellationToken);
}

/// <param name="Count">Hits in the current window, this one included.</param>
/// <param name="ResetsAt">When the current window ends.</param>
public readonly record struct RateLimitCounter(int Count, DateTimeOffset ResetsAt);
