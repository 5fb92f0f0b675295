namespace Waitlist.Features.Waitlist.Jobs;

/// <summary>
/// Erases the entries nobody confirmed within <c>Waitlist:PendingDays</c> of signing up (their confirmation links expire
/// with them), and the waitlist emails sent to those addresses: an unconfirmed address may not even be its owner's.
/// </summary>
internal sealed class PendingCleanupJob(DbScope db, EmailOutbox outbox, WaitlistSettings settings) : ICronJob
{
    private const string EraseSql = """
        DELETE FROM waitlist_entries
        WHERE status = 'pending' AND created_at < now() - make_interval(days => @PendingDays)
        RETURNING email
        """;

    public string Name => "waitlist.pending-cleanup";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var erased = await db.ListAsync<string>(EraseSql, new { settings.PendingDays }, cancellationToken);
        if (erased.Count > 0)
            await outbox.DropAsync(erased, WaitlistEmails.Templates, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return erased.Count;
    }
}
