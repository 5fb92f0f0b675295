using System.Collections.Concurrent;

namespace Waitlist.Features.Auth.Tokens;

/// <summary>
/// The access tokens signed out before they expire (their <c>jti</c>), as this instance knows them: every revocation
/// is a row and a notification on <see cref="Channel"/> in the same transaction (<see cref="AuthStore.RevokeAccessTokenAsync"/>),
/// so once this instance has read the rows it learns every later one at once. It answers from memory only while it
/// knows them all: after the listening connection comes back it reads the rows again (at the next token it is asked
/// about), and while the connection is down <see cref="IsRevoked"/> says nothing and the database is asked each time.
/// </summary>
internal sealed class RevokedAccessTokens : INotificationSubscriber, IDisposable
{
    /// <summary>Payload: the jti of a revoked access token.</summary>
    public const string Channel = "auth_revoked_tokens";

    private const int SweepEvery = 1024;

    private readonly ConcurrentDictionary<string, DateTimeOffset> _revoked = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly NotificationSubscription _subscription;
    private volatile bool _listening;
    private volatile bool _complete;
    private long _epoch;
    private int _added;

    public RevokedAccessTokens(NotificationListener listener, TimeProvider time)
    {
        _time = time;
        _subscription = listener.Subscribe(Channel, this);
    }

    /// <summary>Whether <paramref name="jti"/> is revoked, when this instance knows every revocation; null when it must ask the database.</summary>
    public bool? IsRevoked(string jti) =>
        _complete ? _revoked.TryGetValue(jti, out var until) && until > _time.GetUtcNow() : null;

    /// <summary>
    /// Whether this instance should read the revocations now (it listens, but has not read them since it started
    /// listening): then the epoch to hand to <see cref="CompleteLoad"/>; null otherwise.
    /// </summary>
    public long? BeginLoad()
    {
        lock (_gate)
            return _listening && !_complete ? _epoch : null;
    }

    /// <param name="epoch">What <see cref="BeginLoad"/> answered before the rows were read: a connection lost since makes them worthless.</param>
    public void CompleteLoad(long epoch, IEnumerable<RevokedAccessToken> revoked)
    {
        lock (_gate)
        {
            if (_epoch != epoch || _complete)
                return;
            foreach (var token in revoked)
                _revoked[token.Jti] = new DateTimeOffset(DateTime.SpecifyKind(token.ExpiresAt, DateTimeKind.Utc));
            _complete = true;
        }
    }

    /// <param name="until">When the token expires anyway; it is forgotten afterwards.</param>
    public void Add(string jti, DateTimeOffset until)
    {
        _revoked[jti] = until;
        if (Interlocked.Increment(ref _added) % SweepEvery == 0)
        {
            var now = _time.GetUtcNow();
            foreach (var (id, expires) in _revoked)
            {
                if (expires <= now)
                    _revoked.TryRemove(new KeyValuePair<string, DateTimeOffset>(id, expires));
            }
        }
    }

    // The payload carries no expiry: the token's lifetime from now bounds it.
    void INotificationSubscriber.OnNotification(string payload) => Add(payload, _time.GetUtcNow() + TokenOptions.AccessTokenLifetime);

    void INotificationSubscriber.OnListening() => Reset(listening: true);

    void INotificationSubscriber.OnLost() => Reset(listening: false);

    public void Dispose() => _subscription.Dispose();

    private void Reset(bool listening)
    {
        lock (_gate)
        {
            _epoch++;
            _listening = listening;
            _complete = false;
            _revoked.Clear();
        }
    }
}
