using Waitlist.Features.Profile;

namespace Waitlist.Features.Messaging.Jobs;

/// <summary>
/// Once a day (in <c>Reports:TimeZone</c>), emails each person who has unread messages at least an hour old a Spanish
/// digest: who wrote and how many messages, with a link to the dashboard. Only messages that no earlier digest told of
/// count, so an unanswered conversation is not announced every day; people who turned <c>emailDigest</c> off, and
/// banned or deleted accounts, get none. The day is claimed per person in the <c>message_digests</c> ledger in the
/// transaction that queues the emails, so a second run the same day sends nothing; <c>email.outbox</c> runs after
/// this job and sends them.
/// </summary>
internal sealed class MessagesDailyDigestJob(
    DbScope db, UserDirectory users, ProfileDirectory profiles, EmailOutbox outbox, EmailTemplates templates,
    ReportSettings reports, MessagingSettings settings, TimeProvider time) : ICronJob
{
    /// <summary>A message younger than this may still be read in the dashboard: it waits for a later digest.</summary>
    public static readonly TimeSpan MinimumAge = TimeSpan.FromHours(1);

    private const string TodaySql = "SELECT (now() AT TIME ZONE @TimeZone)::date::timestamp";

    // Unread (from the others, after the reader's marker), old enough, newer than what the person's last digest told
    // of, for people without a digest today: how many per sender.
    private const string PendingSql = """
        SELECT me.user_id AS recipientid, m.sender_id AS senderid, count(*)::int AS messages, max(m.id) AS lastmessageid
        FROM conversation_members me
        JOIN messages m ON m.conversation_id = me.conversation_id AND m.id > me.last_read_message_id AND m.sender_id IS DISTINCT FROM me.user_id
        WHERE m.created_at < now() - @MinimumAge
          AND m.id > coalesce((SELECT max(d.last_message_id) FROM message_digests d WHERE d.user_id = me.user_id), 0)
          AND NOT EXISTS (SELECT 1 FROM message_digests d WHERE d.user_id = me.user_id AND d.day = @Day)
        GROUP BY me.user_id, m.sender_id
        """;

    // The ledger's key decides: of two runs racing on one day, one claims each person.
    private const string ClaimSql = """
        INSERT INTO message_digests (day, user_id, messages, last_message_id)
        SELECT @Day, claim.user_id, claim.messages, claim.last_message_id
        FROM unnest(@UserIds::text[], @Messages::int[], @LastMessageIds::bigint[]) AS claim(user_id, messages, last_message_id)
        ON CONFLICT (day, user_id) DO NOTHING
        RETURNING user_id
        """;

    public string Name => "messages.daily-digest";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var day = await db.SingleAsync<DateTime>(TodaySql, new { reports.TimeZone }, cancellationToken);
        var pending = (await db.ListAsync<PendingMessages>(PendingSql, new { MinimumAge, Day = day }, cancellationToken))
            .GroupBy(row => row.RecipientId)
            .ToDictionary(group => group.Key, group => group.ToList(), StringComparer.Ordinal);
        if (pending.Count == 0)
            return 0;

        var wanting = await profiles.WantingEmailDigestAsync(pending.Keys, cancellationToken);
        var people = (await users.FindManyAsync([.. pending.Keys, .. pending.Values.SelectMany(rows => rows).Select(row => row.SenderId).OfType<string>().Distinct()],
            cancellationToken)).ToDictionary(user => user.Id, StringComparer.Ordinal);
        var now = time.GetUtcNow().UtcDateTime;
        var digests = wanting
            .Where(id => people.TryGetValue(id, out var person) && !person.IsBannedAt(now))
            .Select(id => new Digest(people[id], pending[id]))
            .ToList();
        if (digests.Count == 0)
            return 0;

        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var claimed = (await db.ListAsync<string>(ClaimSql, new
        {
            Day = day,
            UserIds = digests.Select(digest => digest.Recipient.Id).ToArray(),
            Messages = digests.Select(digest => digest.Total).ToArray(),
            LastMessageIds = digests.Select(digest => digest.LastMessageId).ToArray(),
        }, cancellationToken)).ToHashSet(StringComparer.Ordinal);
        foreach (var digest in digests.Where(digest => claimed.Contains(digest.Recipient.Id)))
        {
            var model = new
            {
                digest.Recipient.Name,
                Senders = digest.Senders
                    .Select(sender => new
                    {
                        Name = sender.SenderId is not null && people.TryGetValue(sender.SenderId, out var person) ? person.Name : MessagingTexts.DeletedAccount,
                        Count = MessagingTexts.DigestCount(sender.Messages),
                    })
                    .ToList(),
                Url = settings.DashboardUrl,
            };
            await outbox.EnqueueAsync(templates.Render("MessagesDailyDigest", digest.Recipient.Email, MessagingTexts.DigestSubject(digest.Total), model), cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return claimed.Count;
    }

    private sealed record PendingMessages(string RecipientId, string? SenderId, int Messages, long LastMessageId);

    /// <param name="Senders">Who wrote how many, the most first.</param>
    private sealed record Digest(AuthUser Recipient, IReadOnlyList<PendingMessages> Senders)
    {
        public IReadOnlyList<PendingMessages> Senders { get; } = [.. Senders.OrderByDescending(sender => sender.Messages)];
        public int Total => Senders.Sum(sender => sender.Messages);
        public long LastMessageId => Senders.Max(sender => sender.LastMessageId);
    }
}
