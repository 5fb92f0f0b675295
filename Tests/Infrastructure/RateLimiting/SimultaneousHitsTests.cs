namespace Waitlist.Tests.Infrastructure.RateLimiting;

/// <summary>One client's simultaneous requests share round trips to the counter; each still gets its own count.</summary>
public sealed class SimultaneousHitsTests
{
    private static object Entry() => new { email = $"rafaga-{Guid.NewGuid():N}@example.com", type = "professional", name = "Ana Pérez", field = "Química" };

    private static Task<HttpResponseMessage[]> BurstAsync(HttpClient client, int requests) =>
        Task.WhenAll(Enumerable.Range(0, requests).Select(_ => client.PostJsonAsync("/api/waitlist", Entry())));

    [Fact]
    public async Task A_burst_from_one_address_lets_exactly_the_limit_through_each_with_its_own_remaining_count()
    {
        await using var api = await ApiFactory.StartAsync();

        var responses = await BurstAsync(api.ClientFrom(TestIps.Unique()), 40);

        var created = responses.Where(response => response.StatusCode == HttpStatusCode.Created).ToArray();
        Assert.Equal(["0", "1", "2", "3", "4"], created.Select(response => response.Header("X-RateLimit-Remaining")).Order());
        Assert.All(responses.Except(created), response => Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode));
        Assert.Equal(5, await api.CountAsync("SELECT count(*) FROM waitlist_entries"));
    }

    [Fact]
    public async Task Bursts_on_two_instances_share_one_limit()
    {
        await using var a = await ApiFactory.StartAsync();
        await using var b = new ApiFactory(a.ConnectionString);
        var ip = TestIps.Unique();

        var responses = (await Task.WhenAll(BurstAsync(a.ClientFrom(ip), 20), BurstAsync(b.ClientFrom(ip), 20))).SelectMany(burst => burst).ToArray();

        Assert.Equal(5, responses.Count(response => response.StatusCode == HttpStatusCode.Created));
        Assert.Equal(35, responses.Count(response => response.StatusCode == HttpStatusCode.TooManyRequests));
    }
}
