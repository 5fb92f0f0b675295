using Waitlist.Infrastructure.Database;

namespace Waitlist.Features.Waitlist;

/// <summary>A waitlist entry as other features may see it.</summary>
public sealed record WaitlistEntry(Guid Id, string Email, string Type, string Name, string? Field, string? Company, DateTime CreatedAt, DateTime? ArchivedAt);

/// <summary>
/// The waitlist's public way to look entries up, for the features that need to know who signed up (a new account's
/// profile, the account's data export) without reading the waitlist's tables. Addresses compare under the database's
/// one rule, <c>normalized_email()</c>. Only confirmed entries are on the list: an unconfirmed one may have been made
/// by anyone who typed the address, so nothing of it is vouched for.
/// </summary>
public sealed class WaitlistDirectory
{
    private const string ByEmailSql = """
        SELECT id, email, type, name, field, company, created_at AS createdat, archived_at AS archivedat
        FROM waitlist_entries WHERE lower(email) = normalized_email(@Email) AND status = 'confirmed'
        """;

    private readonly DbScope _db;

    internal WaitlistDirectory(DbScope db) => _db = db;

    /// <summary>The confirmed entry of <paramref name="email"/>; null when the address is not on the list, or not confirmed.</summary>
    public Task<WaitlistEntry?> FindByEmailAsync(string email, CancellationToken cancellationToken) =>
        _db.SingleOrDefaultAsync<WaitlistEntry>(ByEmailSql, new { Email = email }, cancellationToken);
}
