namespace Waitlist.Features.Waitlist.Jobs;

/// <summary>
/// Archives (sets <c>archived_at</c>, never deletes) waitlist entries whose address now has an account — asking Auth's
/// <see cref="UserDirectory"/>, a batch of addresses at a time — and entries older than <c>Waitlist:ArchiveAfterDays</c>
/// (0 turns the age rule off). Archived entries are never touched again.
/// </summary>
internal sealed class ArchiveJob(DbScope db, UserDirectory users, WaitlistSettings settings) : ICronJob
{
    private const int BatchSize = 1000;

    // Keyset pagination on the primary key: each batch is one index range, however long the list.
    private const string UnarchivedSql = """
        SELECT id, email FROM waitlist_entries
        WHERE archived_at IS NULL AND id > @After
        ORDER BY id
        LIMIT @Limit
        """;

    private const string ArchiveSql = """
        UPDATE waitlist_entries SET archived_at = now()
        WHERE archived_at IS NULL AND email = ANY(@Emails)
        """;

    private const string ArchiveOldSql = """
        UPDATE waitlist_entries SET archived_at = now()
        WHERE archived_at IS NULL AND created_at < now() - make_interval(days => @AfterDays)
        """;

    public string Name => "waitlist.archive";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var archived = 0;
        var after = Guid.Empty;
        while (true)
        {
            var entries = await db.ListAsync<Entry>(UnarchivedSql, new { After = after, Limit = BatchSize }, cancellationToken);
            if (entries.Count == 0)
                break;
            var converted = await users.WithAccountsAsync(entries.Select(entry => entry.Email).ToList(), cancellationToken);
            if (converted.Count > 0)
                archived += await db.ExecuteAsync(ArchiveSql, new { Emails = converted.ToArray() }, cancellationToken);
            after = entries[^1].Id;
        }
        if (settings.ArchiveAfterDays > 0)
            archived += await db.ExecuteAsync(ArchiveOldSql, new { AfterDays = settings.ArchiveAfterDays }, cancellationToken);
        return archived;
    }

    private sealed record Entry(Guid Id, string Email);
}
