namespace Waitlist.Features.Waitlist;

/// <summary>A waitlist entry as other features may see it.</summary>
public sealed record WaitlistEntry(Guid Id, string Email, string Type, string Name, string? Field, string? Company, DateTime CreatedAt, DateTime? ArchivedAt);

/// <param name="Last7Days">Entries confirmed in the last 7 × 24 hours.</param>
/// <param name="ByField">The most common scientific fields, most entries first (entries without one left out).</param>
public sealed record WaitlistStatistics(long Total, long Professional, long Empresa, long Last7Days, IReadOnlyList<FieldCount> ByField);

public sealed record FieldCount(string Field, long Count);

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

    private const string StatisticsSql = """
        SELECT count(*) AS total,
               count(*) FILTER (WHERE type = 'professional') AS professional,
               count(*) FILTER (WHERE type = 'empresa') AS empresa,
               count(*) FILTER (WHERE confirmed_at > now() - interval '7 days') AS last7days
        FROM waitlist_entries WHERE status = 'confirmed';
        SELECT field, count(*) AS count FROM waitlist_entries WHERE status = 'confirmed' AND field IS NOT NULL
        GROUP BY field ORDER BY count(*) DESC, field LIMIT 20;
        """;

    private readonly DbScope _db;

    internal WaitlistDirectory(DbScope db) => _db = db;

    /// <summary>The confirmed entry of <paramref name="email"/>; null when the address is not on the list, or not confirmed.</summary>
    public Task<WaitlistEntry?> FindByEmailAsync(string email, CancellationToken cancellationToken) =>
        _db.SingleOrDefaultAsync<WaitlistEntry>(ByEmailSql, new { Email = email }, cancellationToken);

    /// <summary>The counts the admin dashboard shows, of confirmed entries: all, by type, of the last week, and by scientific field.</summary>
    public Task<WaitlistStatistics> StatisticsAsync(CancellationToken cancellationToken) =>
        _db.RunAsync(async (connection, transaction) =>
        {
            await using var results = await connection.QueryMultipleAsync(new CommandDefinition(StatisticsSql, null, transaction, cancellationToken: cancellationToken));
            var totals = await results.ReadSingleAsync<Totals>();
            var byField = (await results.ReadAsync<FieldCount>()).AsList();
            return new WaitlistStatistics(totals.Total, totals.Professional, totals.Empresa, totals.Last7Days, byField);
        }, cancellationToken);

    private sealed record Totals(long Total, long Professional, long Empresa, long Last7Days);
}
