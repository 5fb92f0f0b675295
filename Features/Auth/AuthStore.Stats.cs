namespace Waitlist.Features.Auth;

/// <param name="Regular">Accounts with the role «user».</param>
/// <param name="Banned">Accounts banned right now, whatever their role.</param>
internal sealed record UserCounts(long Total, long Admins, long Staff, long Banned, long Regular);

/// <param name="Active">Sessions that have not expired.</param>
internal sealed record SessionCounts(long Total, long Active);

/// <param name="Date">A UTC day, <c>yyyy-MM-dd</c>.</param>
internal sealed record DayCount(string Date, long Count);

/// <param name="Enabled">Keys that work: enabled and not expired.</param>
internal sealed record ApiKeyCounts(long Total, long Enabled);

internal sealed record AccountStatistics(UserCounts Users, SessionCounts Sessions, ApiKeyCounts ApiKeys, IReadOnlyList<DayCount> SignUpsByDay);

internal sealed partial class AuthStore
{
    // Every day of the last 30 (UTC, today included) gets a row, a day without sign-ups too; each day counts through
    // users_created_at_idx.
    private const string StatisticsSql = $"""
        SELECT count(*) AS total,
               count(*) FILTER (WHERE u.role = 'admin') AS admins,
               count(*) FILTER (WHERE u.role = 'staff') AS staff,
               count(*) FILTER (WHERE {BannedNowSql}) AS banned,
               count(*) FILTER (WHERE u.role = 'user') AS regular
        FROM users u;
        SELECT count(*) AS total, count(*) FILTER (WHERE s.expires_at > now()) AS active FROM sessions s;
        SELECT count(*) AS total, count(*) FILTER (WHERE k.enabled AND (k.expires_at IS NULL OR k.expires_at > now())) AS enabled FROM api_keys k;
        SELECT to_char(day, 'YYYY-MM-DD') AS date, count(u.id) AS count
        FROM generate_series((now() AT TIME ZONE 'UTC')::date - 29, (now() AT TIME ZONE 'UTC')::date, interval '1 day') AS day
        LEFT JOIN users u ON u.created_at >= day AT TIME ZONE 'UTC' AND u.created_at < (day + interval '1 day') AT TIME ZONE 'UTC'
        GROUP BY day ORDER BY day;
        """;

    public Task<AccountStatistics> StatisticsAsync(CancellationToken cancellationToken) =>
        db.RunAsync(async (connection, transaction) =>
        {
            await using var results = await connection.QueryMultipleAsync(new CommandDefinition(StatisticsSql, null, transaction, cancellationToken: cancellationToken));
            var users = await results.ReadSingleAsync<UserCounts>();
            var sessions = await results.ReadSingleAsync<SessionCounts>();
            var apiKeys = await results.ReadSingleAsync<ApiKeyCounts>();
            return new AccountStatistics(users, sessions, apiKeys, (await results.ReadAsync<DayCount>()).AsList());
        }, cancellationToken);
}
