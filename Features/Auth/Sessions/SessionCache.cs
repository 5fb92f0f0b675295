using System.Collections.Concurrent;
using Waitlist.Infrastructure.Notifications;

namespace Waitlist.Features.Auth.Sessions;

/// <summary>
/// This instance's cache of session lookups (<see cref="AuthStore.FindSessionAsync"/>), so that a signed-in request
/// costs no query on a hit. Revocation stays immediate everywhere: every write to a user or a session publishes the
/// user's id on <see cref="Channel"/> in its own transaction (<see cref="AuthStore"/>), and each instance evicts that
/// user's sessions when the notification arrives (the instance that wrote, at its commit). An entry lives
/// <c>Auth:SessionCacheSeconds</c> at most and never past its session's expiry. The cache only works while its
/// channel is listened to: when the connection is lost it empties and stops caching, and it starts again empty once
/// the connection is back, since notifications may have been missed in between.
/// </summary>
/// <remarks>
/// A lookup that raced with a revocation must not put the old answer back: <see cref="Version"/> is read before the
/// query, and <see cref="Add"/> keeps the result only when no eviction happened since. Only sessions found are cached;
/// a cookie naming no session is always asked of the database.
/// </remarks>
internal sealed class SessionCache : INotificationSubscriber, IDisposable
{
    /// <summary>Payload: the id of a user whose account or sessions changed.</summary>
    public const string Channel = "auth_sessions";

    // Bounds memory (an entry is about a kilobyte): past it, lookups of sessions not cached go to the database.
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _time;
    private readonly NotificationSubscription? _subscription;
    private volatile bool _isActive;
    private long _version;

    public SessionCache(AuthOptions options, NotificationListener listener, TimeProvider time)
    {
        _lifetime = TimeSpan.FromSeconds(options.SessionCacheSeconds);
        _time = time;
        if (_lifetime > TimeSpan.Zero)
            _subscription = listener.Subscribe(Channel, this);
    }

    /// <summary>Whether lookups are cached now: the cache is on and its notifications arrive.</summary>
    public bool IsActive => _isActive;

    /// <summary>Read before a lookup and handed to <see cref="Add"/>; every eviction changes it.</summary>
    public long Version => Interlocked.Read(ref _version);

    public CurrentSession? Find(string token)
    {
        if (!_isActive || !_entries.TryGetValue(token, out var entry))
            return null;
        if (entry.ExpiresAt > _time.GetUtcNow())
            return entry.Session;
        _entries.TryRemove(new KeyValuePair<string, Entry>(token, entry));
        return null;
    }

    /// <param name="versionBeforeLookup"><see cref="Version"/> as it was before the lookup that found <paramref name="session"/>.</param>
    public void Add(CurrentSession session, long versionBeforeLookup)
    {
        var now = _time.GetUtcNow();
        var sessionExpires = new DateTimeOffset(DateTime.SpecifyKind(session.Session.ExpiresAt, DateTimeKind.Utc));
        var expires = now + _lifetime < sessionExpires ? now + _lifetime : sessionExpires;
        lock (_gate)
        {
            if (!_isActive || _version != versionBeforeLookup || expires <= now)
                return;
            if (_entries.Count >= MaxEntries && RemoveExpired(now) == 0)
                return;
            _entries[session.Token] = new Entry(session, expires);
        }
    }

    /// <summary>Forgets the cached sessions of these users (and any lookup of theirs still in flight).</summary>
    public void Evict(IReadOnlyCollection<string> userIds)
    {
        lock (_gate)
        {
            Interlocked.Increment(ref _version);
            foreach (var (token, entry) in _entries)
            {
                if (userIds.Contains(entry.Session.User.Id))
                    _entries.TryRemove(token, out _);
            }
        }
    }

    void INotificationSubscriber.OnNotification(string payload) => Evict([payload]);

    void INotificationSubscriber.OnListening() => Reset(active: true);

    void INotificationSubscriber.OnLost() => Reset(active: false);

    public void Dispose() => _subscription?.Dispose();

    private void Reset(bool active)
    {
        lock (_gate)
        {
            Interlocked.Increment(ref _version);
            _entries.Clear();
            _isActive = active;
        }
    }

    private int RemoveExpired(DateTimeOffset now)
    {
        var removed = 0;
        foreach (var (token, entry) in _entries)
        {
            if (entry.ExpiresAt <= now && _entries.TryRemove(token, out _))
                removed++;
        }
        return removed;
    }

    private sealed record Entry(CurrentSession Session, DateTimeOffset ExpiresAt);
}
