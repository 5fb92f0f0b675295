namespace Waitlist.Tests.Features.Cron;

public sealed class CronRunsCleanupJobTests(CronFixture fixture) : IClassFixture<CronFixture>
{
    private readonly ApiFactory _api = fixture.Api;

    [Fact]
    public async Task Deletes_runs_older_than_ninety_days_and_a_second_run_deletes_nothing()
    {
        await using (var db = await _api.OpenDatabaseAsync())
        {
            await db.ExecuteAsync("""
                INSERT INTO cron_runs (job, status, affected, duration_ms, started_at, finished_at)
                VALUES ('sessions.cleanup', 'ok', 1, 3, now() - interval '91 days', now() - interval '91 days'),
                       ('sessions.cleanup', 'ok', 1, 3, now() - interval '89 days', now() - interval '89 days')
                """);
        }

        var first = await _api.RunJobAsync("cron.runs-cleanup");
        var second = await _api.RunJobAsync("cron.runs-cleanup");

        Assert.Equal(("ok", 1), (first.Status(), first.Affected()));
        Assert.Equal(("ok", 0), (second.Status(), second.Affected()));
        Assert.Equal(0, await _api.CountAsync("SELECT count(*) FROM cron_runs WHERE started_at < now() - interval '90 days'"));
        Assert.Equal(1, await _api.CountAsync("SELECT count(*) FROM cron_runs WHERE started_at < now() - interval '88 days'"));
    }
}
