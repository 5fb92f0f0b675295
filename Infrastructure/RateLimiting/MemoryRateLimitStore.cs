using System.Collections.Concurrent;

namespace Waitlist.Infrastructure.RateLimiting;

/// <summary>Counters in this process's memory: exact for one instance, per instance when there are several.</summary>
public sealed class MemoryRateLimitStore(TimeProvider time) : IRateLimitStore
{
    private readonly ConcurrentDictionary<string, RateLimitCounter> _windows = new();

    public ValueTask<RateLimitCounter> HitAsync(string key, TimeSpan window, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var counter = _windows.AddOrUpdate(
            key,
            static (_, state) => new RateLimitCounter(1, state.now + state.window),
            static (_, current, state) => current.ResetsAt <= state.now
                ? new RateLimitCounter(1, state.now + state.window)
                : current with { Count = current.Count + 1 },
            (now, window));
        return ValueTask.FromResult(counter);
    }

    public ValueTask<int> RemoveExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var removed = 0;
        foreach (var (key, counter) in _windows)
        {
            if (counter.ResetsAt <= now && _windows.TryRemove(new KeyValuePair<string, RateLimitCounter>(key, counter)))
                removed++;
        }
        return ValueTask.FromResult(removed);
    }
}
