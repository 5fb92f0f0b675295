using System.Collections.Concurrent;

namespace Waitlist.Features.Auth.ApiKeys;

/// <summary>
/// When this instance last noted that each key was used, so that <c>lastUsedAt</c> costs one write a minute per key, not
/// one per request; the statement itself changes the row at most once a minute whichever instance runs it
/// (<see cref="AuthStore.RecordApiKeyUseAsync"/>).
/// </summary>
internal sealed class ApiKeyUsage(TimeProvider time)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private const int SweepAbove = 10_000;

    private readonly ConcurrentDictionary<string, DateTimeOffset> _recorded = new(StringComparer.Ordinal);

    /// <returns>Whether the caller should record this use now: neither the row nor this instance noted one within the last minute.</returns>
    public bool ShouldRecord(ApiKey key)
    {
        var now = time.GetUtcNow();
        if (key.LastUsedAt is { } last && new DateTimeOffset(DateTime.SpecifyKind(last, DateTimeKind.Utc)) > now - Interval)
            return false;
        while (true)
        {
            if (_recorded.TryGetValue(key.Id, out var previous))
            {
                if (previous > now - Interval)
                    return false;
                if (_recorded.TryUpdate(key.Id, now, previous))
                    return true;
            }
            else if (_recorded.TryAdd(key.Id, now))
            {
                if (_recorded.Count > SweepAbove)
                    Sweep(now);
                return true;
            }
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (id, recorded) in _recorded)
        {
            if (recorded <= now - Interval)
                _recorded.TryRemove(new KeyValuePair<string, DateTimeOffset>(id, recorded));
        }
    }
}
