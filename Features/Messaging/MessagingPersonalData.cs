namespace Waitlist.Features.Messaging;

/// <summary>
/// The person's conversations with every message in them, whom they blocked, and the digests sent to them. Erasure keeps
/// for the other person what is theirs too: a conversation stays with its messages, the erased sender becoming nobody
/// (shown as «Cuenta eliminada»); a conversation nobody is left in goes entirely.
/// </summary>
internal sealed class MessagingPersonalData(DbScope db) : IPersonalData
{
    private const string ConversationsSql = """
        SELECT c.id, CASE WHEN c.user_low = @UserId THEN c.user_high ELSE c.user_low END AS withuserid,
               c.created_at AS createdat, me.last_read_message_id AS lastreadmessageid
        FROM conversation_members me JOIN conversations c ON c.id = me.conversation_id
        WHERE me.user_id = @UserId
        ORDER BY c.created_at, c.id
        """;

    private const string MessagesSql = """
        SELECT m.id, m.conversation_id AS conversationid, m.sender_id AS senderid, m.body, m.created_at AS createdat, m.edited_at AS editedat
        FROM conversation_members me JOIN messages m ON m.conversation_id = me.conversation_id
        WHERE me.user_id = @UserId
        ORDER BY m.id
        """;

    private const string BlocksSql = "SELECT blocked_id AS userid, created_at AS createdat FROM message_blocks WHERE blocker_id = @UserId ORDER BY created_at";

    private const string DigestsSql = "SELECT to_char(day, 'YYYY-MM-DD') AS day, messages FROM message_digests WHERE user_id = @UserId ORDER BY day";

    // Works whether or not the account row is already gone (the order of the sections is not fixed; the foreign keys then
    // did part of this). A conversation left with nobody in it goes, this person's or one whose people were both removed
    // another way (an admin's remove-user).
    private const string EraseSql = """
        DELETE FROM conversations c
        WHERE (c.user_low = @UserId OR c.user_high = @UserId OR c.user_low IS NULL OR c.user_high IS NULL)
          AND NOT EXISTS (SELECT 1 FROM conversation_members other WHERE other.conversation_id = c.id AND other.user_id <> @UserId);
        UPDATE messages SET sender_id = NULL, client_id = NULL WHERE sender_id = @UserId;
        DELETE FROM conversation_members WHERE user_id = @UserId;
        UPDATE conversations SET user_low = NULL WHERE user_low = @UserId;
        UPDATE conversations SET user_high = NULL WHERE user_high = @UserId;
        DELETE FROM message_blocks WHERE blocker_id = @UserId OR blocked_id = @UserId;
        DELETE FROM message_digests WHERE user_id = @UserId;
        """;

    public string Section => "messages";

    public async Task<object?> ExportAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var parameters = new { subject.UserId };
        var conversations = await db.ListAsync<ConversationExport>(ConversationsSql, parameters, cancellationToken);
        var blocks = await db.ListAsync<BlockExport>(BlocksSql, parameters, cancellationToken);
        var digests = await db.ListAsync<DigestExport>(DigestsSql, parameters, cancellationToken);
        if (conversations.Count + blocks.Count + digests.Count == 0)
            return null;
        var messages = await db.ListAsync<MessageView>(MessagesSql, parameters, cancellationToken);
        return new MessagesExport(conversations, messages, blocks, digests);
    }

    public Task EraseAsync(DataSubject subject, CancellationToken cancellationToken) =>
        db.ExecuteAsync(EraseSql, new { subject.UserId }, cancellationToken);

    /// <param name="WithUserId">The other person; null once their account is deleted.</param>
    private sealed record ConversationExport(Guid Id, string? WithUserId, DateTime CreatedAt, long LastReadMessageId);

    private sealed record BlockExport(string UserId, DateTime CreatedAt);

    private sealed record DigestExport(string Day, int Messages);

    /// <param name="Messages">Every message of those conversations, the other person's included, oldest first.</param>
    /// <param name="Blocked">The people the person blocked.</param>
    /// <param name="Digests">The days a digest of unread messages was emailed to them.</param>
    private sealed record MessagesExport(
        IReadOnlyList<ConversationExport> Conversations, IReadOnlyList<MessageView> Messages, IReadOnlyList<BlockExport> Blocked, IReadOnlyList<DigestExport> Digests);
}
