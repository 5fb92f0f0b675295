using Waitlist.Features.Messaging.Realtime;

namespace Waitlist.Features.Messaging;

/// <summary>
/// Posts a message, in the use case's transaction, once the use case has checked that the sender may write there:
/// the one way both a conversation's first message and every later one are created and announced to its members.
/// </summary>
internal sealed class MessagePoster(MessagingStore store, RealtimePublisher realtime)
{
    /// <param name="members">Everyone in the conversation, the sender included: who hears of the message on every instance.</param>
    /// <returns>The message, and whether this call created it (false: a retry of the same <paramref name="clientId"/>, answered with the first one).</returns>
    public async Task<(MessageView Message, bool Created)> PostAsync(
        Guid conversationId, string senderId, IReadOnlyCollection<string> members, string body, string? clientId, CancellationToken cancellationToken)
    {
        var created = await store.InsertMessageAsync(conversationId, senderId, MessagingRules.Normalized(body), clientId, cancellationToken);
        if (created is null)
            return ((await store.PostedWithClientIdAsync(conversationId, senderId, clientId!, cancellationToken))!, false);
        await realtime.MessageCreatedAsync(created, members, cancellationToken);
        return (created, true);
    }
}
