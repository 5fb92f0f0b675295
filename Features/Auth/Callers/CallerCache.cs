using System.Collections.Concurrent;

namespace Waitlist.Features.Auth.Callers;

/// <summary>
/// An instance's cache of the lookups that tell who a request is — a session (<see cref="Sessions.SessionCache"/>), an
/// API key (<see cref="ApiKeys.ApiKeyCache"/>), the account an access token names (<see cref="Tokens.AccountCache"/>) —
/// so that an authenticated request costs no query on a hit. Every entry belongs to one user, and revocation stays
/// immediate everywhere: every write to a user or to their credentials publishes the user's id on <see cref="Channel"/>
/// in its own transaction (<see cref="AuthStore"/>), and each instance evicts that user's entries when the notification
/// arrives (the instance that wrote, at its commit). An entry lives <c>Auth:SessionCacheSeconds</c> at most and never
/// past the credential's own expiry. The cache only works while its channel is listened to: when the connection is
/// lost it empties and stops caching, and it starts again empty once the connection is back, since notifications may
/// have been missed in between.
/// </summary>
/// <remarks>
/// A lookup that raced with a revocation must not put the old answer back: <see cref="Version"/> is read before the
/// query, and <see cref="Add"/> keeps the result only when no eviction happened since. Only credentials found valid are
/// cached; anything else is always asked of the database.
/// </remarks>
internal abstract class CallerCache<T> : INotificationSubscriber, IDisposable where T : class
{
    /// <summary>Payload: the id of a user whose account or credentials changed.</summary>
    public const string Channel = "auth_sessions";

    // Bounds memory (an entry is about a kilobyte): past it, lookups not cached go to the database.
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _time;
    private readonly NotificationSubscription? _subscription;
    private volatile bool _isActive;
    private long _version;

    protected CallerCache(AuthOptions options, NotificationListener listener, TimeProvider time)
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

    /// <param name="key">What the request presented, as the cache keys it (a session token, a key's hash, a user id).</param>
    public T? Find(string key)
    {
        if (!_isActive || !_entries.TryGetValue(key, out var entry))
            return null;
        if (entry.ExpiresAt > _time.GetUtcNow())
            return entry.Value;
        _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
        return null;
    }

    /// <param name="userId">Whose it is: a change to that user evicts it.</param>
    /// <param name="validUntil">When the credential itself expires, if it does: the entry never outlives it.</param>
    /// <param name="versionBeforeLookup"><see cref="Version"/> as it was before the lookup that found <paramref name="value"/>.</param>
    public void Add(string key, T value, string userId, DateTimeOffset? validUntil, long versionBeforeLookup)
    {
        var now = _time.GetUtcNow();
        var expires = validUntil is { } until && until < now + _lifetime ? until : now + _lifetime;
        lock (_gate)
        {
            if (!_isActive || _version != versionBeforeLookup || expires <= now)
                return;
            if (_entries.Count >= MaxEntries && RemoveExpired(now) == 0)
                return;
            _entries[key] = new Entry(value, userId, expires);
        }
    }

    /// <summary>Forgets the cached entries of these users (and any lookup of theirs still in flight).</summary>
    public void Evict(IReadOnlyCollection<string> userIds)
    {
        lock (_gate)
        {
            Interlocked.Increment(ref _version);
            foreach (var (key, entry) in _entries)
            {
                if (userIds.Contains(entry.UserId))
                    _entries.TryRemove(key, out _);
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
        foreach (var (key, entry) in _entries)
        {
            if (entry.ExpiresAt <= now && _entries.TryRemove(key, out _))
                removed++;
        }
        return removed;
    }

    private sealed record Entry(T Value, string UserId, DateTimeOffset ExpiresAt);
}
