namespace Waitlist.Tests.Infrastructure.RateLimiting;

/// <summary>Where counters live (<c>RateLimits:Store</c>), and what the limiter does when PostgreSQL does not answer.</summary>
public sealed class RateLimitStoreTests
{
    private static object Entry() => new { email = $"persona-{Guid.NewGuid():N}@example.com", type = "professional", name = "Ana Pérez", field = "Química" };

    [Theory]
    [InlineData(null, 1)]
    [InlineData("Postgres", 1)]
    [InlineData("Memory", 0)]
    public async Task The_default_store_counts_in_the_shared_table_and_memory_keeps_it_in_the_instance(string? store, int rows)
    {
        var settings = new Dictionary<string, string?>();
        if (store is not null)
            settings["RateLimits:Store"] = store;
        await using var api = await ApiFactory.StartAsync(settings);
        var ip = TestIps.Unique();

        await (await api.ClientFrom(ip).PostJsonAsync("/api/waitlist", Entry())).ShouldBe(HttpStatusCode.Created);

        Assert.Equal(rows, await api.CountAsync("SELECT count(*) FROM rate_limit_windows WHERE key = @key AND hits = 1 AND resets_at > now()", new { key = $"waitlist:{ip}" }));
    }

    [Fact]
    public async Task A_client_over_its_limit_is_refused_without_another_write_until_its_window_ends()
    {
        await using var api = await ApiFactory.StartAsync();
        var client = api.ClientFrom(TestIps.Unique());
        for (var i = 0; i < 5; i++)
            await (await client.PostJsonAsync("/api/waitlist", Entry())).ShouldBe(HttpStatusCode.Created);

        for (var i = 0; i < 3; i++)
        {
            var response = await client.PostJsonAsync("/api/waitlist", Entry());
            await response.ShouldBe(HttpStatusCode.TooManyRequests);
            Assert.Equal(("5", "0"), (response.Header("X-RateLimit-Limit"), response.Header("X-RateLimit-Remaining")));
        }

        // The first refusal was counted; the instance refused the others by itself, so a flood costs no writes.
        Assert.Equal(6, await api.CountAsync("SELECT hits FROM rate_limit_windows WHERE key LIKE 'waitlist:%'"));
    }

    [Fact]
    public async Task With_the_database_down_limits_still_hold_in_memory_and_nothing_fails_with_500()
    {
        await using var api = new ApiFactory("Host=127.0.0.1;Port=1;Username=postgres;Database=none;Timeout=2",
            new Dictionary<string, string?> { ["Database:StartupTimeoutSeconds"] = "0" });
        var client = api.ClientFrom(TestIps.Unique());

        for (var i = 0; i < 5; i++)
        {
            var body = await (await client.PostJsonAsync("/api/waitlist", Entry())).ShouldBe(HttpStatusCode.ServiceUnavailable);
            Assert.Equal("DATABASE_UNAVAILABLE", body.GetProperty("code").GetString());
        }
        var refused = await (await client.PostJsonAsync("/api/waitlist", Entry())).ShouldBe(HttpStatusCode.TooManyRequests);

        Assert.Equal("RATE_LIMITED", refused.GetProperty("code").GetString());
        Assert.Empty(api.Logs.Errors);
    }
}
