namespace Waitlist.Tests.Features.Cron;

public sealed class CronRunsCleanupJobTests(CronFixture fixture) : ApiTests<CronFixture>(fixture)
{
    [Fact]
    public async Task Deletes_runs_older_than_ninety_days_and_a_second_run_deletes_nothing()
    {
        await using (var db = await Api.OpenDatabaseAsync())
        {
            await db.ExecuteAsync("""
                INSERT INTO cron_runs (job, status, affected, duration_ms, started_at, finished_at)
                VALUES ('sessions.cleanup', 'ok', 1, 3, now() - interval '91 days', now() - interval '91 days'),
                       ('sessions.cleanup', 'ok', 1, 3, now() - interval '89 days', now() - interval '89 days')
                """);
        }

        var first = await Api.RunJobAsync("cron.runs-cleanup");
        var second = await Api.RunJobAsync("cron.runs-cleanup");

        Assert.Equal(("ok", 1), (first.Status(), first.Affected()));
        Assert.Equal(("ok", 0), (second.Status(), second.Affected()));
        Assert.Equal(0, await Api.CountAsync("SELECT count(*) FROM cron_runs WHERE started_at < now() - interval '90 days'"));
        Assert.Equal(1, await Api.CountAsync("SELECT count(*) FROM cron_runs WHERE started_at < now() - interval '88 days'"));
    }
}
