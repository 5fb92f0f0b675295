namespace Waitlist.Features.Messaging.Realtime;

/// <summary>
/// One notification on <see cref="Channel"/>: what happened in a conversation, as ids, and who is in it, so that an
/// instance with none of them connected reads nothing. Every instance receives every notice (the publisher's included);
/// each tells its own connections (<see cref="RealtimeFanOut"/>), reading the rows it needs. A message's body is never in
/// a notice: a notice holds no more than a few hundred bytes, far from PostgreSQL's 8,000.
/// </summary>
/// <param name="Kind"><see cref="MessageCreated"/>, <see cref="Read"/> or <see cref="Typing"/>.</param>
/// <param name="UserId">The sender, the reader or the typist.</param>
/// <param name="MessageId">The new message, or the reader's new marker; null for typing.</param>
internal sealed record RealtimeNotice(string Kind, Guid ConversationId, IReadOnlyCollection<string> Members, string UserId, long? MessageId = null)
{
    public const string Channel = "messaging";

    public const string MessageCreated = "message";
    public const string Read = "read";
    public const string Typing = "typing";

    public string ToPayload() => JsonSerializer.Serialize(this);

    /// <returns>Null for a payload this version does not understand (sent by a newer instance, or by hand).</returns>
    public static RealtimeNotice? Parse(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize<RealtimeNotice>(payload) is { Kind: MessageCreated or Read or Typing, Members: not null, UserId: not null } notice
                ? notice
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
