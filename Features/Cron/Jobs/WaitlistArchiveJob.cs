using Dapper;
using Npgsql;

namespace Waitlist.Features.Cron.Jobs;

/// <summary>
/// Archives (sets <c>archived_at</c>, never deletes) waitlist entries whose email now has an account, and entries
/// older than <c>Cron:ArchiveAfterDays</c> (0 turns the age rule off). Archived entries are never touched again.
/// </summary>
public sealed class WaitlistArchiveJob(NpgsqlDataSource dataSource, CronSettings settings) : ICronJob
{
    private const string ArchiveSql = """
        UPDATE waitlist_entries w
        SET archived_at = now()
        WHERE w.archived_at IS NULL
          AND (EXISTS (SELECT 1 FROM users u WHERE lower(u.email) = w.email)
               OR (@AfterDays > 0 AND w.created_at < now() - make_interval(days => @AfterDays)))
        """;

    public string Name => "waitlist.archive";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(ArchiveSql, new { AfterDays = settings.ArchiveAfterDays }, cancellationToken: cancellationToken));
    }
}
