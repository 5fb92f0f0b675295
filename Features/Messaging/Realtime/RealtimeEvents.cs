namespace Waitlist.Features.Messaging.Realtime;

/// <summary>The events the hub sends to clients, with their payloads (camelCase JSON, as the HTTP routes answer).</summary>
internal static class RealtimeEvents
{
    /// <summary>A message in one of the person's conversations, theirs included (their other tabs and devices): <see cref="MessageCreatedEvent"/>.</summary>
    public const string MessageCreated = "message.created";

    /// <summary>Someone in one of the person's conversations read up to a message: <see cref="ConversationReadEvent"/>.</summary>
    public const string ConversationRead = "conversation.read";

    /// <summary>The person's count of unread messages changed (a message came, or they read on another device): <see cref="UnreadChangedEvent"/>.</summary>
    public const string UnreadChanged = "unread.changed";

    /// <summary>The other person is writing: <see cref="TypingEvent"/>.</summary>
    public const string Typing = "typing";

    /// <summary>
    /// Events may have been missed (the instance lost its database notifications for a while): read again what the
    /// screen shows — the conversations, and each open conversation's messages after the last id held. No payload.
    /// </summary>
    public const string SyncRequired = "sync.required";
}

internal sealed record MessageCreatedEvent(Guid ConversationId, MessageView Message);

internal sealed record ConversationReadEvent(Guid ConversationId, string UserId, long LastMessageId);

internal sealed record UnreadChangedEvent(long Unread);

internal sealed record TypingEvent(Guid ConversationId, string UserId);
