using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;

namespace Waitlist.Features.Messaging.Realtime;

/// <summary>
/// Delivers every instance's notices (<see cref="RealtimeNotice"/>) to this instance's connections. The listener's
/// callback only keeps the notices that concern someone connected here and queues them; this service's loop takes what
/// has queued up, reads the messages and unread counts it needs in one go and sends the events, in the order the
/// notices came (PostgreSQL delivers them in commit order). When notifications were lost for a while, or when a batch
/// cannot be read, the connections concerned hear <see cref="RealtimeEvents.SyncRequired"/>: they read again, and
/// nothing already committed is lost to them.
/// </summary>
internal sealed class RealtimeFanOut(
    NotificationListener listener, RealtimeConnections connections, IHubContext<MessagingHub> hub, IServiceScopeFactory scopes, ILogger<RealtimeFanOut> logger)
    : BackgroundService, INotificationSubscriber
{
    private const int MaxBatch = 512;

    /// <summary>How long one batch may wait on clients that do not take their events (a stalled socket) before it gives up on them, so they do not hold up the others.</summary>
    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Null stands for "notifications were missed: everyone reads again".</summary>
    private readonly Channel<RealtimeNotice?> _queue = Channel.CreateUnbounded<RealtimeNotice?>(new UnboundedChannelOptions { SingleReader = true });

    void INotificationSubscriber.OnNotification(string payload)
    {
        if (RealtimeNotice.Parse(payload) is { } notice && connections.AnyOf(notice.Members))
            _queue.Writer.TryWrite(notice);
    }

    void INotificationSubscriber.OnListening() => _queue.Writer.TryWrite(null);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = listener.Subscribe(RealtimeNotice.Channel, this);
        var batch = new List<RealtimeNotice?>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var notice))
                    batch.Add(notice);
                await DeliverBatchAsync(batch, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task DeliverBatchAsync(List<RealtimeNotice?> batch, CancellationToken stoppingToken)
    {
        // Everyone reads again: the batch's own events would add nothing.
        var everyone = batch.Contains(null);
        var notices = batch.OfType<RealtimeNotice>().ToList();
        try
        {
            using var timeout = Timeout(stoppingToken);
            if (everyone)
                await hub.Clients.All.SendAsync(RealtimeEvents.SyncRequired, timeout.Token);
            else
                await DeliverAsync(notices, timeout.Token);
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            // Never the notices themselves: nothing about a message's content reaches the log.
            logger.LogWarning("Could not deliver {Count} real-time events ({Reason}); their recipients are told to read again.", batch.Count, exception.Message);
            if (!everyone)
                await TellToReadAgainAsync(notices, stoppingToken);
        }
    }

    private async Task TellToReadAgainAsync(IReadOnlyList<RealtimeNotice> notices, CancellationToken stoppingToken)
    {
        try
        {
            using var timeout = Timeout(stoppingToken);
            var concerned = connections.ConnectionIdsOf(notices.SelectMany(notice => notice.Members).Distinct());
            await hub.Clients.Clients(concerned).SendAsync(RealtimeEvents.SyncRequired, timeout.Token);
        }
        catch (Exception) when (!stoppingToken.IsCancellationRequested)
        {
            // A client that cannot take even this is stalled: it reads again when it reconnects, as every client does.
        }
    }

    private static CancellationTokenSource Timeout(CancellationToken stoppingToken)
    {
        var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(SendTimeout);
        return timeout;
    }

    private async Task DeliverAsync(IReadOnlyList<RealtimeNotice> notices, CancellationToken cancellationToken)
    {
        // Whose unread count changed: the recipients of a new message, the reader of one (their other devices).
        var unreadChanged = notices
            .SelectMany(notice => notice.Kind switch
            {
                RealtimeNotice.MessageCreated => notice.Members.Where(member => member != notice.UserId),
                RealtimeNotice.Read => [notice.UserId],
                _ => [],
            })
            .Distinct()
            .Where(userId => connections.Of(userId).Count > 0)
            .ToList();
        var messageIds = notices.Where(notice => notice.Kind == RealtimeNotice.MessageCreated).Select(notice => notice.MessageId!.Value).ToList();

        IReadOnlyDictionary<long, MessageView> messages = new Dictionary<long, MessageView>();
        IReadOnlyDictionary<string, long> unread = new Dictionary<string, long>();
        if (messageIds.Count > 0 || unreadChanged.Count > 0)
        {
            await using var scope = scopes.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<MessagingStore>();
            if (messageIds.Count > 0)
                messages = (await store.MessagesAsync(messageIds, cancellationToken)).ToDictionary(message => message.Id);
            if (unreadChanged.Count > 0)
                unread = await store.UnreadCountsAsync(unreadChanged, cancellationToken);
        }

        foreach (var notice in notices)
        {
            switch (notice.Kind)
            {
                case RealtimeNotice.MessageCreated when messages.TryGetValue(notice.MessageId!.Value, out var message):
                    await SendAsync(notice.Members, RealtimeEvents.MessageCreated, new MessageCreatedEvent(notice.ConversationId, message), cancellationToken);
                    break;
                case RealtimeNotice.Read:
                    await SendAsync(notice.Members, RealtimeEvents.ConversationRead,
                        new ConversationReadEvent(notice.ConversationId, notice.UserId, notice.MessageId!.Value), cancellationToken);
                    break;
                case RealtimeNotice.Typing:
                    await SendAsync(notice.Members.Where(member => member != notice.UserId), RealtimeEvents.Typing,
                        new TypingEvent(notice.ConversationId, notice.UserId), cancellationToken);
                    break;
            }
        }
        foreach (var (userId, count) in unread)
            await SendAsync([userId], RealtimeEvents.UnreadChanged, new UnreadChangedEvent(count), cancellationToken);
    }

    private Task SendAsync(IEnumerable<string> userIds, string method, object payload, CancellationToken cancellationToken)
    {
        var connectionIds = connections.ConnectionIdsOf(userIds);
        return connectionIds.Count == 0 ? Task.CompletedTask : hub.Clients.Clients(connectionIds).SendAsync(method, payload, cancellationToken);
    }
}
