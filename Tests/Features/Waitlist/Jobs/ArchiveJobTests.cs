namespace Waitlist.Tests.Features.Waitlist.Jobs;

public sealed class ArchiveJobTests(CronFixture fixture) : ApiTests<CronFixture>(fixture)
{
    [Fact]
    public async Task Archives_converted_and_old_entries_without_deleting_and_a_second_run_changes_nothing()
    {
        var convertedEmail = Seed.UniqueEmail("convertida");
        var converted = await Seed.EntryAsync(Api, convertedEmail, age: TimeSpan.FromDays(3));
        await Seed.UserAsync(Api, convertedEmail.ToUpperInvariant());
        var old = await Seed.EntryAsync(Api, Seed.UniqueEmail("antigua"), age: TimeSpan.FromDays(366));
        var recent = await Seed.EntryAsync(Api, Seed.UniqueEmail("reciente"), age: TimeSpan.FromDays(364));
        var total = await Api.CountAsync("SELECT count(*) FROM waitlist_entries");

        var first = await Api.RunJobAsync("waitlist.archive");
        var archivedAt = await ArchivedAtAsync(converted, old, recent);
        var second = await Api.RunJobAsync("waitlist.archive");

        Assert.Equal(("ok", 2), (first.Status(), first.Affected()));
        Assert.Equal(("ok", 0), (second.Status(), second.Affected()));
        Assert.NotNull(archivedAt[converted]);
        Assert.NotNull(archivedAt[old]);
        Assert.Null(archivedAt[recent]);
        Assert.Equal(archivedAt, await ArchivedAtAsync(converted, old, recent));
        Assert.Equal(total, await Api.CountAsync("SELECT count(*) FROM waitlist_entries"));
    }

    [Fact]
    public async Task The_age_is_configurable_and_zero_turns_the_age_rule_off()
    {
        await using var api = await ApiFactory.StartAsync(CronTestApi.Settings(("Waitlist:ArchiveAfterDays", "0")));
        var old = await Seed.EntryAsync(api, Seed.UniqueEmail(), age: TimeSpan.FromDays(3000));
        var convertedEmail = Seed.UniqueEmail();
        var converted = await Seed.EntryAsync(api, convertedEmail, age: TimeSpan.FromDays(1));
        await Seed.UserAsync(api, convertedEmail);

        Assert.Equal(1, (await api.RunJobAsync("waitlist.archive")).Affected());
        Assert.Equal(1, await api.CountAsync("SELECT count(*) FROM waitlist_entries WHERE id = @converted AND archived_at IS NOT NULL", new { converted }));
        Assert.Equal(1, await api.CountAsync("SELECT count(*) FROM waitlist_entries WHERE id = @old AND archived_at IS NULL", new { old }));
    }

    [Fact]
    public async Task An_entry_and_an_account_join_under_the_databases_rule_for_addresses_dotted_capital_i_included()
    {
        var local = Guid.NewGuid().ToString("N");
        var joined = await (await Api.ClientFrom(TestIps.Unique()).PostJsonAsync("/api/waitlist",
            new { email = $"İ{local}@Example.com", type = "empresa", name = "Ana", company = "X" })).ShouldBe(HttpStatusCode.Created);
        await new AuthClient(Api).SignUpAsync($"I{local}@EXAMPLE.COM");

        await Api.RunJobAsync("waitlist.archive");

        var id = joined.GetProperty("id").GetGuid();
        Assert.NotNull((await ArchivedAtAsync(id))[id]);
    }

    private async Task<Dictionary<Guid, DateTime?>> ArchivedAtAsync(params Guid[] ids)
    {
        await using var db = await Api.OpenDatabaseAsync();
        return (await db.QueryAsync<(Guid Id, DateTime? ArchivedAt)>("SELECT id, archived_at FROM waitlist_entries WHERE id = ANY(@ids)", new { ids }))
            .ToDictionary(row => row.Id, row => row.ArchivedAt);
    }
}
