namespace Waitlist.Infrastructure.Notifications;

/// <summary>One subscriber on one channel (<see cref="NotificationListener.Subscribe"/>); dispose it to stop receiving.</summary>
public sealed class NotificationSubscription : IDisposable
{
    private readonly NotificationListener _listener;
    private volatile bool _isListening;

    internal NotificationSubscription(NotificationListener listener, string channel, INotificationSubscriber subscriber) =>
        (_listener, Channel, Subscriber) = (listener, channel, subscriber);

    public string Channel { get; }

    internal INotificationSubscriber Subscriber { get; }

    /// <summary>
    /// Whether notifications on the channel reach the subscriber now: set just before its
    /// <see cref="INotificationSubscriber.OnListening"/>, cleared just before its <see cref="INotificationSubscriber.OnLost"/>.
    /// </summary>
    public bool IsListening
    {
        get => _isListening;
        internal set => _isListening = value;
    }

    public void Dispose() => _listener.Unsubscribe(this);
}
