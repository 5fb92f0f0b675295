namespace Waitlist.Tests.Features.Waitlist.Jobs;

public sealed class PendingCleanupJobTests(CronFixture fixture) : ApiTests<CronFixture>(fixture)
{
    [Fact]
    public async Task Erases_entries_unconfirmed_for_longer_than_pending_days_and_their_waitlist_emails()
    {
        var stale = WaitlistClient.UniqueEmail("caducada");
        var fresh = WaitlistClient.UniqueEmail("reciente");
        var confirmedLongAgo = WaitlistClient.UniqueEmail("confirmada");
        await Api.JoinAsync(stale);
        await Api.JoinAsync(fresh);
        await Api.JoinConfirmedAsync(confirmedLongAgo);
        var accountEmail = await Seed.EmailAsync(Api, stale, "Verifica tu cuenta");
        await using (var db = await Api.OpenDatabaseAsync())
        {
            await db.ExecuteAsync("UPDATE waitlist_entries SET created_at = now() - interval '7 days 1 minute' WHERE email = ANY(@emails)",
                new { emails = new[] { stale, confirmedLongAgo } });
            await db.ExecuteAsync("UPDATE waitlist_entries SET created_at = now() - interval '6 days 23 hours' WHERE email = @fresh", new { fresh });
        }

        var first = await Api.RunJobAsync("waitlist.pending-cleanup");
        var second = await Api.RunJobAsync("waitlist.pending-cleanup");

        Assert.Equal(("ok", 1), (first.Status(), first.Affected()));
        Assert.Equal(("ok", 0), (second.Status(), second.Affected()));
        Assert.Null(await Api.StatusAsync(stale));
        Assert.Equal("pending", await Api.StatusAsync(fresh));
        Assert.Equal("confirmed", await Api.StatusAsync(confirmedLongAgo));
        await using var check = await Api.OpenDatabaseAsync();
        Assert.Equal([accountEmail], await check.QueryAsync<long>("SELECT id FROM email_outbox WHERE to_address = @stale", new { stale }));
    }
}
