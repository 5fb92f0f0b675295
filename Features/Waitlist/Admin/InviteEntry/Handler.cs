namespace Waitlist.Features.Waitlist.Admin.InviteEntry;

/// <summary>
/// Queues the Spanish invitation (with the dashboard's sign-up link) for a confirmed entry and records <c>invited_at</c>,
/// together. Not for an unconfirmed entry, nor twice within 24 hours (the UPDATE decides, however many admins click at
/// once), nor for an address that has an account already (Auth's <see cref="UserDirectory"/> says).
/// </summary>
internal sealed class Handler(DbScope db, UserDirectory users, EmailOutbox outbox, WaitlistEmails emails, WaitlistSettings settings, TimeProvider time) : IHandler
{
    private static readonly TimeSpan Cooldown = TimeSpan.FromHours(24);

    private const string CandidateSql = "SELECT email, name, status, invited_at AS invitedat FROM waitlist_entries WHERE id = @Id";

    private const string InviteSql = """
        UPDATE waitlist_entries SET invited_at = now()
        WHERE id = @Id AND status = 'confirmed' AND (invited_at IS NULL OR invited_at <= now() - @Cooldown)
        """;

    private const string EntrySql = $"{AdminEntry.SelectSql} WHERE e.id = @Id";

    /// <summary>An entry's id as its route carries it: a UUID in its usual form.</summary>
    public static bool IsWellFormedId(string id) => Guid.TryParseExact(id, "D", out _);

    /// <param name="entryId">Well formed (<see cref="IsWellFormedId"/>): the route refuses anything else.</param>
    public async Task<Results<Ok<AdminEntry>, ErrorResult>> HandleAsync(string entryId, CancellationToken cancellationToken)
    {
        var id = Guid.ParseExact(entryId, "D");
        var candidate = await db.SingleOrDefaultAsync<Candidate>(CandidateSql, new { Id = id }, cancellationToken);
        if (candidate is null)
            return ErrorResponses.Result(WaitlistTexts.EntryNotFound);
        if (candidate.Status != WaitlistQueue.Confirmed)
            return ErrorResponses.Result(WaitlistTexts.NotConfirmed);
        if (candidate.InvitedAt > time.GetUtcNow().UtcDateTime - Cooldown)
            return ErrorResponses.Result(WaitlistTexts.AlreadyInvited);
        if (await users.FindByEmailAsync(candidate.Email, cancellationToken) is not null)
            return ErrorResponses.Result(WaitlistTexts.AlreadyHasAccount);

        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        if (await db.ExecuteAsync(InviteSql, new { Id = id, Cooldown }, cancellationToken) == 0)
            return ErrorResponses.Result(WaitlistTexts.AlreadyInvited); // another invitation won the race
        await outbox.EnqueueAsync(emails.Invitation(id, candidate.Email, candidate.Name), cancellationToken);
        var entry = await db.SingleAsync<AdminEntry>(EntrySql, new { Id = id, Boost = settings.ReferralBoost }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(entry);
    }

    private sealed record Candidate(string Email, string Name, string Status, DateTime? InvitedAt);
}
