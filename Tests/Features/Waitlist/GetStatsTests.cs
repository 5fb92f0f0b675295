namespace Waitlist.Tests.Features.Waitlist;

public sealed class GetStatsTests
{
    [Fact]
    public async Task Counts_confirmed_entries_by_type_and_lets_browsers_and_cdns_keep_the_answer_a_minute()
    {
        await using var api = await ApiFactory.StartAsync();
        await Seed.EntryAsync(api, Seed.UniqueEmail());
        await Seed.EntryAsync(api, Seed.UniqueEmail());
        await Seed.EntryAsync(api, Seed.UniqueEmail(), type: "empresa", field: null);
        await Seed.EntryAsync(api, Seed.UniqueEmail(), status: "pending");

        var response = await api.CreateClient().GetAsync("/api/waitlist/stats");

        var body = await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("""{"total":3,"professionals":2,"empresas":1}""", body.GetRawText());
        Assert.Equal("public, max-age=60", response.Header("Cache-Control"));
    }

    [Fact]
    public async Task Many_visitors_within_the_minute_share_one_count()
    {
        await using var api = await ApiFactory.StartAsync();
        await Seed.EntryAsync(api, Seed.UniqueEmail());
        var first = await (await api.CreateClient().GetAsync("/api/waitlist/stats")).ShouldBe(HttpStatusCode.OK);

        await Seed.EntryAsync(api, Seed.UniqueEmail());
        var visitors = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => api.CreateClient().GetStringAsync("/api/waitlist/stats")));

        Assert.Equal(1, first.GetProperty("total").GetInt64());
        Assert.All(visitors, body => Assert.Equal("""{"total":1,"professionals":1,"empresas":0}""", body));
    }
}
