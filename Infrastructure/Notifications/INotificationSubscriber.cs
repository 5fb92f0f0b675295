namespace Waitlist.Infrastructure.Notifications;

/// <summary>
/// What a consumer of a notification channel does (<see cref="NotificationListener.Subscribe"/>). The listener calls
/// these one at a time, from its own loop: keep them short and non-blocking (evict, signal, enqueue), never a query.
/// </summary>
public interface INotificationSubscriber
{
    /// <summary>A notification on the channel; <paramref name="payload"/> is what the publisher sent (ids, by convention).</summary>
    void OnNotification(string payload);

    /// <summary>
    /// The channel is listened to again on a fresh connection: every notification from now on arrives, but those sent
    /// while it was not were missed. A cache flushes here; a fan-out tells its clients to read again.
    /// </summary>
    void OnListening() { }

    /// <summary>The connection is gone: notifications are being missed until <see cref="OnListening"/>. A cache stops caching.</summary>
    void OnLost() { }
}
