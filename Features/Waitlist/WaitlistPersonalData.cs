namespace Waitlist.Features.Waitlist;

/// <summary>
/// A person's waitlist entry, confirmed or not: exported with everything stored about it (the sign-up's address
/// included), erased outright (the row goes, it is not flagged; entries it referred stay, pointing at no one). The
/// emails it was sent are the outbox's personal data.
/// </summary>
internal sealed class WaitlistPersonalData(DbScope db) : IPersonalData
{
    private const string ExportSql = """
        SELECT id, email, type, name, field, company, status, referral_code AS referralcode, host(signup_ip) AS signupip,
               created_at AS createdat, confirmed_at AS confirmedat, invited_at AS invitedat, archived_at AS archivedat
        FROM waitlist_entries WHERE lower(email) = normalized_email(@Email)
        """;

    private const string EraseSql = "DELETE FROM waitlist_entries WHERE lower(email) = normalized_email(@Email)";

    public string Section => "waitlist";

    public async Task<object?> ExportAsync(DataSubject subject, CancellationToken cancellationToken) =>
        await db.SingleOrDefaultAsync<StoredEntry>(ExportSql, new { subject.Email }, cancellationToken);

    public Task EraseAsync(DataSubject subject, CancellationToken cancellationToken) =>
        db.ExecuteAsync(EraseSql, new { subject.Email }, cancellationToken);

    private sealed record StoredEntry(
        Guid Id, string Email, string Type, string Name, string? Field, string? Company, string Status, string? ReferralCode, string? SignupIp,
        DateTime CreatedAt, DateTime? ConfirmedAt, DateTime? InvitedAt, DateTime? ArchivedAt);
}
