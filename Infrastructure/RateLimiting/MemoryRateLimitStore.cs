using System.Collections.Concurrent;

namespace Waitlist.Infrastructure.RateLimiting;

/// <summary>
/// Counters in this process's memory: exact for one instance, per instance when there are several
/// (<c>RateLimits:Store = Memory</c>, and <see cref="PostgresRateLimitStore"/>'s fallback while PostgreSQL is down). Ended windows
/// are swept every <see cref="SweepEvery"/> hits, so memory stays bounded even where the cron job never runs.
/// </summary>
public sealed class MemoryRateLimitStore(TimeProvider time) : IRateLimitStore
{
    private const int SweepEvery = 4096;
    private readonly ConcurrentDictionary<string, RateLimitCounter> _windows = new();
    private int _hits;

    public ValueTask<RateLimitCounter> HitAsync(string key, int hits, TimeSpan window, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var counter = _windows.AddOrUpdate(
            key,
            static (_, state) => new RateLimitCounter(state.hits, state.now + state.window),
            static (_, current, state) => current.ResetsAt <= state.now
                ? new RateLimitCounter(state.hits, state.now + state.window)
                : current with { Count = (int)Math.Min((long)current.Count + state.hits, int.MaxValue) },
            (now, window, hits));
        if (Interlocked.Increment(ref _hits) % SweepEvery == 0)
            Sweep(now);
        return ValueTask.FromResult(counter);
    }

    public ValueTask<int> RemoveExpiredAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Sweep(time.GetUtcNow()));

    private int Sweep(DateTimeOffset now)
    {
        var removed = 0;
        foreach (var (key, counter) in _windows)
        {
            if (counter.ResetsAt <= now && _windows.TryRemove(new KeyValuePair<string, RateLimitCounter>(key, counter)))
                removed++;
        }
        return removed;
    }
}
