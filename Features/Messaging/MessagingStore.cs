namespace Waitlist.Features.Messaging;

/// <summary>A conversation as the caller's lists show it: the pair, the caller's unread count and the last message (its columns null when there is none).</summary>
internal sealed record ConversationRow(
    Guid Id, string? UserLow, string? UserHigh, DateTime UpdatedAt, long Activity, long UnreadCount,
    long? LastId, string? LastSenderId, string? LastBody, DateTime? LastCreatedAt, DateTime? LastEditedAt);

/// <summary>What the caller may do in a conversation they are in.</summary>
/// <param name="OtherId">The other participant; null once their account is deleted.</param>
/// <param name="BlockedByOther">The other participant blocked the caller.</param>
/// <param name="BlockingOther">The caller blocked the other participant.</param>
internal sealed record ConversationAccess(string? OtherId, bool BlockedByOther, bool BlockingOther)
{
    /// <summary>Everyone to tell about what happens in the conversation.</summary>
    public string[] Members(string callerId) => OtherId is null ? [callerId] : [callerId, OtherId];
}

/// <summary>Blocks between two people, each way.</summary>
internal sealed record BlocksBetween(bool BlockedByOther, bool BlockingOther);

internal sealed record UnreadCount(string UserId, long Unread);

/// <summary>
/// Every statement that several of messaging's use cases share, on its tables (conversations, conversation_members,
/// messages, message_blocks), in the request's <see cref="DbScope"/> (its writes join the use case's transaction).
/// </summary>
internal sealed class MessagingStore(DbScope db)
{
    private const string MessageColumns =
        "m.id, m.conversation_id AS conversationid, m.sender_id AS senderid, m.body, m.created_at AS createdat, m.edited_at AS editedat";

    // Unread: what the others sent after the reader's marker (a deleted sender's messages included).
    private const string UnreadOfMemberSql =
        "m.conversation_id = me.conversation_id AND m.id > me.last_read_message_id AND m.sender_id IS DISTINCT FROM me.user_id";

    private const string ConversationRowsSql = $"""
        SELECT c.id, c.user_low AS userlow, c.user_high AS userhigh, c.updated_at AS updatedat, c.activity,
               (SELECT count(*) FROM messages m WHERE {UnreadOfMemberSql}) AS unreadcount,
               last.id AS lastid, last.sender_id AS lastsenderid, last.body AS lastbody, last.created_at AS lastcreatedat, last.edited_at AS lasteditedat
        FROM conversation_members me
        JOIN conversations c ON c.id = me.conversation_id
        LEFT JOIN LATERAL (SELECT m.id, m.sender_id, m.body, m.created_at, m.edited_at FROM messages m
                           WHERE m.conversation_id = c.id ORDER BY m.id DESC LIMIT 1) last ON true
        WHERE me.user_id = @UserId
        """;

    private const string ConversationSql = $"{ConversationRowsSql} AND c.id = @Id";

    private const string ConversationPageSql = $"""
        {ConversationRowsSql} AND (@Before::bigint IS NULL OR c.activity < @Before)
        ORDER BY c.activity DESC LIMIT @Limit
        """;

    // One conversation per pair: the unique (user_low, user_high) decides, even between two simultaneous starts. A
    // start that lost such a race finds nothing here (its snapshot predates the winner's commit): ExistingSql then does.
    private const string StartSql = """
        WITH created AS (
            INSERT INTO conversations (id, user_low, user_high) VALUES (@Id, LEAST(@UserId, @OtherId), GREATEST(@UserId, @OtherId))
            ON CONFLICT (user_low, user_high) DO NOTHING
            RETURNING id),
        members AS (
            INSERT INTO conversation_members (conversation_id, user_id)
            SELECT created.id, member FROM created, unnest(ARRAY[@UserId, @OtherId]) AS member)
        SELECT id FROM created
        """;

    private const string ExistingSql = "SELECT id FROM conversations WHERE user_low = LEAST(@UserId, @OtherId) AND user_high = GREATEST(@UserId, @OtherId)";

    private const string IsMemberSql = "SELECT EXISTS (SELECT 1 FROM conversation_members WHERE conversation_id = @Id AND user_id = @UserId)";

    private const string AccessSql = """
        SELECT other.user_id AS otherid,
               EXISTS (SELECT 1 FROM message_blocks b WHERE b.blocker_id = other.user_id AND b.blocked_id = me.user_id) AS blockedbyother,
               EXISTS (SELECT 1 FROM message_blocks b WHERE b.blocker_id = me.user_id AND b.blocked_id = other.user_id) AS blockingother
        FROM conversation_members me
        LEFT JOIN conversation_members other ON other.conversation_id = me.conversation_id AND other.user_id <> me.user_id
        WHERE me.conversation_id = @Id AND me.user_id = @UserId
        """;

    private const string BlocksBetweenSql = """
        SELECT EXISTS (SELECT 1 FROM message_blocks WHERE blocker_id = @OtherId AND blocked_id = @UserId) AS blockedbyother,
               EXISTS (SELECT 1 FROM message_blocks WHERE blocker_id = @UserId AND blocked_id = @OtherId) AS blockingother
        """;

    // The conversation's row is locked before the message takes its id: messages of one conversation commit in the
    // order of their ids, so a client that asks for "everything after my last id" misses none. A retry with a clientId
    // already used (even by a post still in flight: the lock waits for it) inserts nothing and leaves the conversation as
    // it was; a new message moves the conversation to the top of the lists.
    private const string InsertMessageSql = $"""
        WITH locked AS (SELECT id FROM conversations WHERE id = @Id FOR UPDATE),
        inserted AS (
            INSERT INTO messages AS m (conversation_id, sender_id, body, client_id)
            SELECT id, @UserId, @Body, @ClientId FROM locked
            ON CONFLICT (conversation_id, sender_id, client_id) WHERE client_id IS NOT NULL DO NOTHING
            RETURNING {MessageColumns}),
        bumped AS (
            UPDATE conversations c SET updated_at = inserted.createdat, activity = nextval('conversation_activity')
            FROM inserted WHERE c.id = inserted.conversationid)
        SELECT * FROM inserted
        """;

    private const string PostedWithClientIdSql = $"""
        SELECT {MessageColumns} FROM messages m WHERE m.conversation_id = @Id AND m.sender_id = @UserId AND m.client_id = @ClientId
        """;

    private const string MessagesByIdSql = $"SELECT {MessageColumns} FROM messages m WHERE m.id = ANY(@Ids) ORDER BY m.id";

    private const string MessagePageSql = $"""
        SELECT {MessageColumns} FROM messages m
        WHERE m.conversation_id = @Id AND (@Before::bigint IS NULL OR m.id < @Before) AND (@After::bigint IS NULL OR m.id > @After)
        ORDER BY m.id DESC LIMIT @Limit
        """;

    // The marker only moves forward, and only to a message of the conversation.
    private const string MarkReadSql = """
        UPDATE conversation_members me SET last_read_message_id = @MessageId
        WHERE me.conversation_id = @Id AND me.user_id = @UserId AND me.last_read_message_id < @MessageId
          AND EXISTS (SELECT 1 FROM messages m WHERE m.id = @MessageId AND m.conversation_id = @Id)
        """;

    private const string HasMessageSql = "SELECT EXISTS (SELECT 1 FROM messages WHERE id = @MessageId AND conversation_id = @Id)";

    private const string UnreadCountsSql = $"""
        SELECT me.user_id AS userid, count(m.id) AS unread
        FROM conversation_members me JOIN messages m ON {UnreadOfMemberSql}
        WHERE me.user_id = ANY(@UserIds)
        GROUP BY me.user_id
        """;

    private const string BlockSql = "INSERT INTO message_blocks (blocker_id, blocked_id) VALUES (@UserId, @OtherId) ON CONFLICT DO NOTHING";
    private const string UnblockSql = "DELETE FROM message_blocks WHERE blocker_id = @UserId AND blocked_id = @OtherId";

    /// <summary>Starts the pair's conversation, with both as members, unless it exists.</summary>
    /// <returns>The conversation's id, and whether this call created it.</returns>
    public async Task<(Guid Id, bool Created)> StartAsync(string userId, string otherId, CancellationToken cancellationToken)
    {
        var pair = new { Id = Guid.CreateVersion7(), UserId = userId, OtherId = otherId };
        if (await db.SingleOrDefaultAsync<Guid?>(StartSql, pair, cancellationToken) is { } created)
            return (created, true);
        return (await db.SingleAsync<Guid>(ExistingSql, pair, cancellationToken), false);
    }

    /// <summary>The conversation as <paramref name="userId"/>'s list shows it; null when they are not in it.</summary>
    public Task<ConversationRow?> ConversationAsync(Guid id, string userId, CancellationToken cancellationToken) =>
        db.SingleOrDefaultAsync<ConversationRow>(ConversationSql, new { Id = id, UserId = userId }, cancellationToken);

    /// <summary>A page of <paramref name="userId"/>'s conversations, the last active first, from before the <paramref name="before"/> activity.</summary>
    public Task<IReadOnlyList<ConversationRow>> ConversationsAsync(string userId, long? before, int limit, CancellationToken cancellationToken) =>
        db.ListAsync<ConversationRow>(ConversationPageSql, new { UserId = userId, Before = before, Limit = limit }, cancellationToken);

    public Task<bool> IsMemberAsync(Guid id, string userId, CancellationToken cancellationToken) =>
        db.ScalarAsync<bool>(IsMemberSql, new { Id = id, UserId = userId }, cancellationToken);

    /// <summary>What <paramref name="userId"/> may do in the conversation; null when they are not in it.</summary>
    public Task<ConversationAccess?> AccessAsync(Guid id, string userId, CancellationToken cancellationToken) =>
        db.SingleOrDefaultAsync<ConversationAccess>(AccessSql, new { Id = id, UserId = userId }, cancellationToken);

    public Task<BlocksBetween> BlocksBetweenAsync(string userId, string otherId, CancellationToken cancellationToken) =>
        db.SingleAsync<BlocksBetween>(BlocksBetweenSql, new { UserId = userId, OtherId = otherId }, cancellationToken);

    /// <returns>The new message; null when <paramref name="clientId"/> was used meanwhile by a retry of the same post.</returns>
    public Task<MessageView?> InsertMessageAsync(Guid id, string userId, string body, string? clientId, CancellationToken cancellationToken) =>
        db.SingleOrDefaultAsync<MessageView>(InsertMessageSql, new { Id = id, UserId = userId, Body = body, ClientId = clientId }, cancellationToken);

    /// <summary>The message <paramref name="userId"/> posted in the conversation with <paramref name="clientId"/>, if any.</summary>
    public Task<MessageView?> PostedWithClientIdAsync(Guid id, string userId, string clientId, CancellationToken cancellationToken) =>
        db.SingleOrDefaultAsync<MessageView>(PostedWithClientIdSql, new { Id = id, UserId = userId, ClientId = clientId }, cancellationToken);

    /// <summary>The messages of <paramref name="ids"/> that exist, oldest first.</summary>
    public Task<IReadOnlyList<MessageView>> MessagesAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        db.ListAsync<MessageView>(MessagesByIdSql, new { Ids = ids.ToArray() }, cancellationToken);

    /// <summary>A page of the conversation's messages, newest first, between <paramref name="after"/> and <paramref name="before"/> (both excluded).</summary>
    public Task<IReadOnlyList<MessageView>> MessagePageAsync(Guid id, long? before, long? after, int limit, CancellationToken cancellationToken) =>
        db.ListAsync<MessageView>(MessagePageSql, new { Id = id, Before = before, After = after, Limit = limit }, cancellationToken);

    /// <returns>Whether the marker moved (false when it was there or further already, or when the message is not the conversation's).</returns>
    public async Task<bool> MarkReadAsync(Guid id, string userId, long messageId, CancellationToken cancellationToken) =>
        await db.ExecuteAsync(MarkReadSql, new { Id = id, UserId = userId, MessageId = messageId }, cancellationToken) > 0;

    public Task<bool> HasMessageAsync(Guid id, long messageId, CancellationToken cancellationToken) =>
        db.ScalarAsync<bool>(HasMessageSql, new { Id = id, MessageId = messageId }, cancellationToken);

    /// <summary>How many messages each of <paramref name="userIds"/> has not read, in all their conversations.</summary>
    public async Task<IReadOnlyDictionary<string, long>> UnreadCountsAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        var counts = userIds.ToDictionary(id => id, _ => 0L, StringComparer.Ordinal);
        foreach (var count in await db.ListAsync<UnreadCount>(UnreadCountsSql, new { UserIds = userIds.ToArray() }, cancellationToken))
            counts[count.UserId] = count.Unread;
        return counts;
    }

    /// <summary>Blocks <paramref name="otherId"/> for <paramref name="userId"/>, or lifts the block.</summary>
    public Task SetBlockAsync(string userId, string otherId, bool blocked, CancellationToken cancellationToken) =>
        db.ExecuteAsync(blocked ? BlockSql : UnblockSql, new { UserId = userId, OtherId = otherId }, cancellationToken);
}
