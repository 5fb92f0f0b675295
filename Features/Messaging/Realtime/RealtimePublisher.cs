namespace Waitlist.Features.Messaging.Realtime;

/// <summary>
/// Announces what happened in a conversation to every instance (<see cref="RealtimeNotice"/>), inside the transaction
/// of the change: it is heard when that commits, and never for a change rolled back.
/// </summary>
internal sealed class RealtimePublisher(NotificationPublisher notifications)
{
    public Task MessageCreatedAsync(MessageView message, IReadOnlyCollection<string> members, CancellationToken cancellationToken) =>
        PublishAsync(new RealtimeNotice(RealtimeNotice.MessageCreated, message.ConversationId, members, message.SenderId!, message.Id), cancellationToken);

    public Task ReadAsync(Guid conversationId, IReadOnlyCollection<string> members, string readerId, long lastMessageId, CancellationToken cancellationToken) =>
        PublishAsync(new RealtimeNotice(RealtimeNotice.Read, conversationId, members, readerId, lastMessageId), cancellationToken);

    public Task TypingAsync(Guid conversationId, IReadOnlyCollection<string> members, string typistId, CancellationToken cancellationToken) =>
        PublishAsync(new RealtimeNotice(RealtimeNotice.Typing, conversationId, members, typistId), cancellationToken);

    private Task PublishAsync(RealtimeNotice notice, CancellationToken cancellationToken) =>
        notifications.PublishAsync(RealtimeNotice.Channel, [notice.ToPayload()], cancellationToken);
}
