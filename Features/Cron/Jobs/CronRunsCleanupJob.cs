using Dapper;
using Npgsql;

namespace Waitlist.Features.Cron.Jobs;

/// <summary>Keeps <c>cron_runs</c> (a row per job per call) from growing forever: deletes rows older than <c>Cron:KeepRunsDays</c>.</summary>
public sealed class CronRunsCleanupJob(NpgsqlDataSource dataSource, CronSettings settings) : ICronJob
{
    private const string DeleteOldSql = "DELETE FROM cron_runs WHERE started_at < now() - make_interval(days => @KeepDays)";

    public string Name => "cron.runs-cleanup";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        if (settings.KeepRunsDays <= 0)
            return 0;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(DeleteOldSql, new { KeepDays = settings.KeepRunsDays }, cancellationToken: cancellationToken));
    }
}
