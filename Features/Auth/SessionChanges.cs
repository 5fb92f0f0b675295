using Waitlist.Features.Auth.Sessions;

namespace Waitlist.Features.Auth;

/// <summary>
/// Auth's news for what outlives a request: a connection opened with a session (the real-time hub) stays open long
/// after the request that authenticated it, so it must hear when that session may have ended. Every change to an
/// account or its sessions, made on any instance — sign-out, revocation, ban, role change, deletion, expiry slid —
/// raises <see cref="UserChanged"/> on every instance; <see cref="ChangesMissed"/> says some may have gone unheard (the
/// notification connection was lost and is back). Either way, check the sessions again with
/// <see cref="UserDirectory.LiveSessionIdsAsync"/>. Handlers run on the notification loop: keep them short (enqueue).
/// </summary>
public sealed class SessionChanges : IDisposable
{
    private readonly NotificationSubscription _subscription;

    internal SessionChanges(NotificationListener listener) => _subscription = listener.Subscribe(SessionCache.Channel, new Subscriber(this));

    /// <summary>The id of a user whose account or sessions changed.</summary>
    public event Action<string>? UserChanged;

    /// <summary>Notifications were lost for a while: any session may have changed meanwhile.</summary>
    public event Action? ChangesMissed;

    public void Dispose() => _subscription.Dispose();

    private sealed class Subscriber(SessionChanges changes) : INotificationSubscriber
    {
        public void OnNotification(string payload) => changes.UserChanged?.Invoke(payload);

        public void OnListening() => changes.ChangesMissed?.Invoke();
    }
}
