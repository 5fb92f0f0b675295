namespace Waitlist.Features.Waitlist.Jobs;

/// <summary>
/// Once per ISO week, queues for <c>Reports:Recipients</c> (or, when none are configured, the team: Auth's staff and
/// admin users) a Spanish summary of the previous, complete week (Monday to Sunday in <c>Reports:TimeZone</c>): entries
/// confirmed that week by type and by scientific field, the total, and the growth on the week before. The week is claimed in
/// the <c>weekly_reports</c> ledger in the transaction that queues the emails, so it is reported exactly once;
/// with nobody to send to, nothing is claimed and a later run (once a recipient exists) still reports it.
/// </summary>
internal sealed class WeeklyReportJob(DbScope db, UserDirectory users, EmailOutbox outbox, EmailTemplates templates, ReportSettings settings, ILogger<WeeklyReportJob> logger)
    : ICronJob
{
    // The reported week is the last complete one: a Monday-morning run reports Monday to Sunday just ended.
    private const string WeekSql = """
        WITH bounds AS (SELECT date_trunc('week', now() AT TIME ZONE @TimeZone) - interval '7 days' AS monday)
        SELECT monday::timestamp AS monday,
               to_char(monday, 'IYYY')::int AS isoyear,
               to_char(monday, 'IW')::int AS isoweek,
               monday AT TIME ZONE @TimeZone AS startsat,
               (monday + interval '7 days') AT TIME ZONE @TimeZone AS endsat,
               (monday - interval '7 days') AT TIME ZONE @TimeZone AS previousstartsat
        FROM bounds
        """;

    private const string ClaimSql = """
        INSERT INTO weekly_reports (week_start, iso_week, recipients)
        VALUES (@WeekStart, @IsoWeek, @Recipients)
        ON CONFLICT (week_start) DO NOTHING
        """;

    // Only confirmed entries count, in the week they were confirmed: an address nobody confirmed never joined.
    private const string TotalsSql = """
        SELECT count(*) FILTER (WHERE confirmed_at >= @StartsAt AND confirmed_at < @EndsAt) AS total,
               count(*) FILTER (WHERE confirmed_at >= @StartsAt AND confirmed_at < @EndsAt AND type = 'professional') AS professionals,
               count(*) FILTER (WHERE confirmed_at >= @StartsAt AND confirmed_at < @EndsAt AND type = 'empresa') AS companies,
               count(*) FILTER (WHERE confirmed_at >= @PreviousStartsAt AND confirmed_at < @StartsAt) AS previous,
               count(*) FILTER (WHERE confirmed_at < @EndsAt) AS listtotal
        FROM waitlist_entries
        WHERE status = 'confirmed'
        """;

    // Fields are free text: "Física" and "física" are one field, shown as one of its spellings. Only
    // professionals have one; companies would all land under "Sin especificar".
    private const string FieldsSql = """
        SELECT min(btrim(field)) AS name, count(*) AS count
        FROM waitlist_entries
        WHERE status = 'confirmed' AND confirmed_at >= @StartsAt AND confirmed_at < @EndsAt AND type = 'professional'
        GROUP BY lower(btrim(field))
        ORDER BY count(*) DESC, lower(btrim(field)) NULLS LAST
        """;

    public string Name => "waitlist.weekly-report";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<string> recipients = settings.Recipients.Length > 0 ? settings.Recipients : await users.TeamEmailsAsync(cancellationToken);
        if (recipients.Count == 0)
        {
            logger.LogWarning("waitlist.weekly-report has nobody to send to: set Reports:Recipients or give a user the staff or admin role");
            return 0;
        }

        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var week = await db.SingleAsync<ReportWeek>(WeekSql, new { settings.TimeZone }, cancellationToken);
        var label = WaitlistTexts.Week(week.IsoYear, week.IsoWeek, DateOnly.FromDateTime(week.Monday));
        var claimed = await db.ExecuteAsync(ClaimSql,
            new { WeekStart = week.Monday.Date, IsoWeek = $"{week.IsoYear}-W{week.IsoWeek:00}", Recipients = recipients.Count }, cancellationToken);
        if (claimed == 0)
            return 0; // this week has been reported already

        var bounds = new { week.StartsAt, week.EndsAt, week.PreviousStartsAt };
        var totals = await db.SingleAsync<Totals>(TotalsSql, bounds, cancellationToken);
        var fields = await db.ListAsync<FieldCount>(FieldsSql, bounds, cancellationToken);
        var model = new
        {
            Week = label.Short,
            label.Range,
            totals.Total,
            totals.Professionals,
            totals.Companies,
            Fields = fields.Select(f => new { Name = f.Name ?? WaitlistTexts.NoField, f.Count }).ToList(),
            Growth = WaitlistTexts.Growth((int)totals.Total, (int)totals.Previous),
            totals.ListTotal,
        };

        foreach (var recipient in recipients)
            await outbox.EnqueueAsync(templates.Render("WaitlistWeeklyReport", recipient, WaitlistTexts.WeeklyReportSubject(label), model), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return recipients.Count;
    }

    private sealed record ReportWeek(DateTime Monday, int IsoYear, int IsoWeek, DateTime StartsAt, DateTime EndsAt, DateTime PreviousStartsAt);

    private sealed record Totals(long Total, long Professionals, long Companies, long Previous, long ListTotal);

    private sealed record FieldCount(string? Name, long Count);
}
