using System.Collections.Concurrent;
using Waitlist.Infrastructure.Notifications;

namespace Waitlist.Tests.Support;

/// <summary>A subscriber on one channel of an API's <see cref="NotificationListener"/> that records what it is told.</summary>
public sealed class NotificationProbe : INotificationSubscriber, IDisposable
{
    private readonly NotificationSubscription _subscription;
    private int _listened;
    private int _lost;

    public NotificationProbe(ApiFactory api, string channel) =>
        _subscription = api.Services.GetRequiredService<NotificationListener>().Subscribe(channel, this);

    public ConcurrentQueue<string> Payloads { get; } = new();

    /// <summary>How many times the channel started being listened to, and how many times the connection was lost.</summary>
    public int Listened => Volatile.Read(ref _listened);

    public int Lost => Volatile.Read(ref _lost);

    public bool IsListening => _subscription.IsListening;

    public void OnNotification(string payload) => Payloads.Enqueue(payload);

    public void OnListening() => Interlocked.Increment(ref _listened);

    public void OnLost() => Interlocked.Increment(ref _lost);

    public Task ListeningAsync() => Conditions.WaitUntilAsync(() => IsListening);

    public Task ReceivedAsync(string payload) => Conditions.WaitUntilAsync(() => Payloads.Contains(payload));

    public void Dispose() => _subscription.Dispose();
}
