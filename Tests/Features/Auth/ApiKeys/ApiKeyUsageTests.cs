namespace Waitlist.Tests.Features.Auth.ApiKeys;

/// <summary>What each key is allowed and what is noted of it: its own rate limit, and lastUsedAt once a minute.</summary>
public sealed class ApiKeyUsageTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _time = new();
    private ApiFactory _api = null!;

    public async Task InitializeAsync()
    {
        _api = new ApiFactory(await TestPostgres.CreateDatabaseAsync(), new Dictionary<string, string?>
        {
            ["RateLimits:api-key:PermitLimit"] = "3",
        })
        {
            ConfigureTestServices = _time.Install,
        };
        _api.StartServer();
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Each_key_has_its_own_limit_with_a_spanish_429_and_retry_after()
    {
        var owner = new AuthClient(_api);
        await owner.SignUpAsync();
        var (first, second) = ((await owner.CreateApiKeyAsync()).Text("key"), (await owner.CreateApiKeyAsync()).Text("key"));
        for (var i = 0; i < 3; i++)
            await (await _api.WithApiKey(first).GetAsync("/api/user/me")).ShouldBe(HttpStatusCode.OK);

        // From another address, and on another route: the window is the key's.
        var limited = await _api.WithApiKey(first, asBearer: true).GetAsync("/api/profiles/" + await owner.UserIdAsync());
        var other = await _api.WithApiKey(second).GetAsync("/api/user/me");

        var body = await limited.ShouldBe(HttpStatusCode.TooManyRequests);
        Assert.Equal("RATE_LIMITED", body.Text("code"));
        Assert.StartsWith("Demasiadas solicitudes. Inténtalo de nuevo en ", body.Text("error"));
        Assert.InRange(int.Parse(limited.Header("Retry-After")), 1, 60);
        Assert.Equal(("3", "0"), (limited.Header("X-RateLimit-Limit"), limited.Header("X-RateLimit-Remaining")));
        await other.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("2", other.Header("X-RateLimit-Remaining"));
    }

    [Fact]
    public async Task Last_use_is_written_at_most_once_a_minute()
    {
        var owner = new AuthClient(_api);
        await owner.SignUpAsync();
        var created = await owner.CreateApiKeyAsync();
        var script = _api.WithApiKey(created.Text("key"));
        await using var db = await _api.OpenDatabaseAsync();
        Task<DateTime?> LastUsedAsync() => db.ExecuteScalarAsync<DateTime?>("SELECT last_used_at FROM api_keys WHERE id = @id", new { id = created.Text("id") });
        Assert.Null(await LastUsedAsync());

        await (await script.GetAsync("/api/user/me")).ShouldBe(HttpStatusCode.OK);
        var first = await LastUsedAsync();
        _time.Advance(TimeSpan.FromSeconds(30));
        await (await script.GetAsync("/api/user/me")).ShouldBe(HttpStatusCode.OK);
        var unchanged = await LastUsedAsync();
        _time.Advance(TimeSpan.FromSeconds(31));
        await (await script.GetAsync("/api/user/me")).ShouldBe(HttpStatusCode.OK);
        var later = await LastUsedAsync();

        Assert.NotNull(first);
        Assert.Equal(first, unchanged);
        Assert.InRange(later!.Value - first!.Value, TimeSpan.FromSeconds(61), TimeSpan.FromMinutes(2));
        var listed = await (await owner.GetAsync("/api/auth/api-key/list")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(later, listed.GetProperty("apiKeys")[0].GetProperty("lastRequest").GetDateTime());
    }

    [Fact]
    public async Task A_key_expires_by_the_apis_clock()
    {
        var owner = new AuthClient(_api);
        await owner.SignUpAsync();
        var key = (await owner.CreateApiKeyAsync(new { expiresIn = 86400 })).Text("key");
        await (await _api.WithApiKey(key).GetAsync("/api/user/me")).ShouldBe(HttpStatusCode.OK);

        _time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));

        var body = await (await _api.WithApiKey(key).GetAsync("/api/user/me")).ShouldBe(HttpStatusCode.Unauthorized);
        Assert.Equal("KEY_EXPIRED", body.Text("code"));
    }
}
