namespace Waitlist.Infrastructure.RateLimiting;

/// <summary>
/// Where fixed-window counters live. The one seam between the limiter and its storage: an implementation
/// that keeps the counters in PostgreSQL lets several instances share them.
/// </summary>
public interface IRateLimitStore
{
    /// <summary>Counts one hit on <paramref name="key"/>, opening a new window when the last one has ended.</summary>
    ValueTask<RateLimitCounter> HitAsync(string key, TimeSpan window, CancellationToken cancellationToken);

    /// <summary>Forgets windows that ended before <paramref name="now"/>; returns how many.</summary>
    ValueTask<int> RemoveExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken);
}

/// <param name="Count">Hits in the current window, this one included.</param>
/// <param name="ResetsAt">When the current window ends.</param>
public readonly record struct RateLimitCounter(int Count, DateTimeOffset ResetsAt);
