namespace Waitlist.Features.Waitlist;

/// <summary>An entry's standing: its place (null until it is confirmed) among <paramref name="Total"/> confirmed entries.</summary>
/// <param name="Referrals">Its referrals that count: confirmed, and within the referral rules.</param>
public sealed record WaitlistPlace(string Status, string? ReferralCode, long? Position, long Total, long Referrals);

internal enum ConfirmOutcome { Confirmed, AlreadyConfirmed, LinkExpired }

/// <summary>
/// The queue's rules, kept in the database so that they hold however many sign-ups and confirmations run at once: who is
/// confirmed, which referrals count, and each confirmed entry's place, computed in one query.
/// </summary>
internal sealed class WaitlistQueue(DbScope db, EmailOutbox outbox, WaitlistEmails emails, WaitlistSettings settings)
{
    public const string Pending = "pending";
    public const string Confirmed = "confirmed";

    /// <summary>Referrals from the referrer's own network (the same /24) that count in 24 hours; the rest do not.</summary>
    public const int SameNetworkReferralsPerDay = 2;

    /// <summary>
    /// The queue as CTEs ending in <c>places (id, referrals, place)</c>, for every confirmed entry (parameter <c>@Boost</c>,
    /// Waitlist:ReferralBoost). An entry stands at its rank among confirmed entries in arrival order, moved up
    /// <c>@Boost</c> places for each counted referral; a tie goes to the one with more referrals (it moved up past the
    /// other), then to the earlier. Places are 1-based and consecutive, so no one is ever ahead of place 1.
    /// </summary>
    public const string PlacesSql = """
        counted_referrals AS (
            SELECT referred_by AS id, count(*) AS referrals
            FROM waitlist_entries
            WHERE referred_by IS NOT NULL AND referral_counted
            GROUP BY referred_by),
        standings AS (
            SELECT e.id, e.position AS arrival, coalesce(c.referrals, 0) AS referrals,
                   row_number() OVER (ORDER BY e.position) - @Boost * coalesce(c.referrals, 0) AS standing
            FROM waitlist_entries e LEFT JOIN counted_referrals c ON c.id = e.id
            WHERE e.status = 'confirmed'),
        places AS (
            SELECT id, referrals, row_number() OVER (ORDER BY standing, referrals DESC, arrival) AS place
            FROM standings)
        """;

    private const string PlaceSql = $"""
        WITH {PlacesSql}
        SELECT e.status, e.referral_code AS referralcode, p.place AS position, (SELECT count(*) FROM places) AS total,
               coalesce(p.referrals, 0) AS referrals
        FROM waitlist_entries e LEFT JOIN places p ON p.id = e.id
        WHERE e.id = @Id
        """;

    // The confirmations of one referrer's referrals take turns on an advisory lock (the transaction's, released at its
    // end), so that the next statement, which takes a new snapshot, counts every referral confirmed before it. Locks of
    // two int keys never meet the single-key locks of the migrator and the cron jobs; the first key is this lock's kind.
    private const int ReferrerLockSpace = 0x574C_5246; // "WLRF"

    private const string LockSql = """
        SELECT status,
               CASE WHEN status = 'pending' AND referred_by IS NOT NULL
                    THEN (SELECT true FROM pg_advisory_xact_lock(@LockSpace, hashtext(referred_by::text))) END AS waited
        FROM waitlist_entries WHERE id = @Id
        """;

    // The referral rules: a referral counts when its referrer is confirmed and is not the referee's own mailbox
    // (ana+2@ for ana@), and, when both signed up from one network, only while fewer than two such referrals of that
    // referrer counted in the last 24 hours. A confirmation is decided once; later changes never recount it.
    private const string ConfirmSql = """
        UPDATE waitlist_entries e
        SET status = 'confirmed', confirmed_at = now(), referral_code = waitlist_new_referral_code(),
            referral_counted = coalesce((
                SELECT waitlist_mailbox(r.email) <> waitlist_mailbox(e.email)
                       AND (NOT coalesce(waitlist_same_network(r.signup_ip, e.signup_ip), false)
                            OR (SELECT count(*) FROM waitlist_entries s
                                WHERE s.referred_by = r.id AND s.referral_counted AND s.confirmed_at > now() - interval '24 hours'
                                  AND waitlist_same_network(r.signup_ip, s.signup_ip)) < @SameNetworkPerDay)
                FROM waitlist_entries r
                WHERE r.id = e.referred_by AND r.status = 'confirmed'), false)
        WHERE e.id = @Id AND e.status = 'pending'
        RETURNING e.email, e.name
        """;

    private const string LeaveSql = "DELETE FROM waitlist_entries WHERE id = @Id RETURNING email";

    /// <summary>Where an entry stands; null when there is no such entry.</summary>
    public Task<WaitlistPlace?> PlaceAsync(Guid entryId, CancellationToken cancellationToken) =>
        db.SingleOrDefaultAsync<WaitlistPlace>(PlaceSql, new { Id = entryId, Boost = settings.ReferralBoost }, cancellationToken);

    /// <summary>
    /// Confirms a pending entry, decides whether it counts as a referral and queues its welcome email with its place and
    /// share link, in the caller's transaction. <paramref name="linkExpired"/>: the link may still tell an entry that is
    /// confirmed already, but confirms nothing.
    /// </summary>
    public async Task<ConfirmOutcome> ConfirmAsync(Guid entryId, bool linkExpired, CancellationToken cancellationToken)
    {
        if (!db.InTransaction)
            throw new InvalidOperationException("Confirming an entry takes the caller's transaction.");

        var status = await db.ScalarAsync<string?>(LockSql, new { Id = entryId, LockSpace = ReferrerLockSpace }, cancellationToken);
        if (status == Confirmed)
            return ConfirmOutcome.AlreadyConfirmed;
        if (status is null || linkExpired)
            return ConfirmOutcome.LinkExpired;

        var confirmed = await db.SingleOrDefaultAsync<ConfirmedEntry>(ConfirmSql,
            new { Id = entryId, SameNetworkPerDay = SameNetworkReferralsPerDay }, cancellationToken);
        if (confirmed is null)
            return ConfirmOutcome.AlreadyConfirmed; // a simultaneous click won

        var place = await PlaceAsync(entryId, cancellationToken);
        await outbox.EnqueueAsync(emails.Welcome(entryId, confirmed.Email, confirmed.Name, place!), cancellationToken);
        return ConfirmOutcome.Confirmed;
    }

    /// <summary>
    /// Erases the entry (the row goes: the right to erasure) and every waitlist email to its address, queued or sent, in
    /// the caller's transaction. Its referrals stay, no longer pointing at anyone. False when there was no such entry.
    /// </summary>
    public async Task<bool> LeaveAsync(Guid entryId, CancellationToken cancellationToken)
    {
        var email = await db.SingleOrDefaultAsync<string>(LeaveSql, new { Id = entryId }, cancellationToken);
        if (email is null)
            return false;
        await outbox.DropAsync([email], WaitlistEmails.Templates, cancellationToken);
        return true;
    }

    private sealed record ConfirmedEntry(string Email, string Name);
}
