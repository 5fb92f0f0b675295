namespace Waitlist.Features.Cron;

/// <summary>Keeps <c>cron_runs</c> (a row per job per call) from growing forever: deletes rows older than <c>Cron:KeepRunsDays</c>.</summary>
internal sealed class CronRunsCleanupJob(DbScope db, CronSettings settings) : ICronJob
{
    private const string DeleteOldSql = "DELETE FROM cron_runs WHERE started_at < now() - make_interval(days => @KeepDays)";

    public string Name => "cron.runs-cleanup";

    public async Task<int> RunAsync(CancellationToken cancellationToken) =>
        settings.KeepRunsDays <= 0 ? 0 : await db.ExecuteAsync(DeleteOldSql, new { KeepDays = settings.KeepRunsDays }, cancellationToken);
}
