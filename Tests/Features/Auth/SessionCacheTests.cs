using Waitlist.Infrastructure.Notifications;

namespace Waitlist.Tests.Features.Auth;

/// <summary>
/// The session cache on one instance. Its API keeps entries for 5 minutes, so whatever ends a cached session sooner
/// is the eviction under test. A row changed by hand in the database (no notification) shows what the cache serves.
/// </summary>
public sealed class SessionCacheTests(SessionCacheTests.LongLivedCacheFixture fixture) : ApiTests<SessionCacheTests.LongLivedCacheFixture>(fixture)
{
    public sealed class LongLivedCacheFixture : ApiFixture
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Auth:SessionCacheSeconds"] = "300" };

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await Api.SessionCacheActiveAsync();
        }
    }

    private async Task<(AuthClient Client, string UserId)> SignedInAsync()
    {
        var client = new AuthClient(Api);
        var body = await client.SignUpAsync();
        await (await client.GetAsync("/api/auth/get-session")).ShouldBe(HttpStatusCode.OK);
        Assert.True(Api.CachesSessionOf(client));
        return (client, body.GetProperty("user").GetProperty("id").GetString()!);
    }

    private static async Task<string> SessionOf(AuthClient client) => await (await client.GetAsync("/api/auth/get-session")).Content.ReadAsStringAsync();

    [Fact]
    public async Task A_cached_session_is_served_without_the_database_until_a_change_through_the_api_evicts_it()
    {
        var (client, userId) = await SignedInAsync();
        await using (var db = await Api.OpenDatabaseAsync())
            await db.ExecuteAsync("UPDATE users SET name = 'Cambiado a mano' WHERE id = @userId", new { userId });

        // Changed behind the API's back: the cache still answers what it read.
        var cached = await (await client.GetAsync("/api/auth/get-session")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("Ana Pérez", cached.GetProperty("user").GetProperty("name").GetString());

        await (await client.PostAsync("/api/auth/update-user", new { name = "Ana Nueva" })).ShouldBe(HttpStatusCode.OK);

        var fresh = await (await client.GetAsync("/api/auth/get-session")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("Ana Nueva", fresh.GetProperty("user").GetProperty("name").GetString());

        // Another feature changes the account through Auth's public surface (UserDirectory): the same eviction.
        await (await client.PatchAsync("/api/user/me", new { name = "Ana del Perfil" })).ShouldBe(HttpStatusCode.OK);

        var renamed = await (await client.GetAsync("/api/auth/get-session")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("Ana del Perfil", renamed.GetProperty("user").GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("sign-out")]
    [InlineData("revoke-session")]
    [InlineData("revoke-other-sessions")]
    [InlineData("change-password")]
    [InlineData("admin/revoke-user-session")]
    [InlineData("admin/revoke-user-sessions")]
    [InlineData("admin/ban-user")]
    [InlineData("admin/remove-user")]
    public async Task Every_revocation_ends_a_cached_session_on_the_next_request(string revocation)
    {
        var (victim, userId) = await SignedInAsync();
        var sessionId = (await (await victim.GetAsync("/api/auth/get-session")).ShouldBe(HttpStatusCode.OK)).GetProperty("session").GetProperty("id").GetString();
        var token = victim.SessionToken;
        var admin = revocation.StartsWith("admin/") ? await AuthClient.SignedInAsAsync(Api, "admin") : null;
        var sameUser = new AuthClient(Api);
        await (await sameUser.PostAsync("/api/auth/sign-in/email", new { email = (await SessionUser(victim)).GetProperty("email").GetString(), password = AuthClient.Password }))
            .ShouldBe(HttpStatusCode.OK);

        var response = revocation switch
        {
            "sign-out" => await victim.On(Api).PostAsync("/api/auth/sign-out"),
            "revoke-session" => await sameUser.PostAsync("/api/auth/revoke-session", new { token }),
            "revoke-other-sessions" => await sameUser.PostAsync("/api/auth/revoke-other-sessions"),
            "change-password" => await sameUser.PostAsync("/api/auth/change-password",
                new { currentPassword = AuthClient.Password, newPassword = "Otra-clave-segura-42", revokeOtherSessions = true }),
            "admin/revoke-user-session" => await admin!.PostAsync("/api/auth/admin/revoke-user-session", new { sessionToken = sessionId }),
            "admin/revoke-user-sessions" => await admin!.PostAsync("/api/auth/admin/revoke-user-sessions", new { userId }),
            "admin/ban-user" => await admin!.PostAsync("/api/auth/admin/ban-user", new { userId }),
            _ => await admin!.PostAsync("/api/auth/admin/remove-user", new { userId }),
        };
        await response.ShouldBe(HttpStatusCode.OK);

        Assert.Equal("null", await SessionOf(victim));
        await (await victim.GetAsync("/api/auth/list-sessions")).ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static async Task<JsonElement> SessionUser(AuthClient client) =>
        (await (await client.GetAsync("/api/auth/get-session")).ShouldBe(HttpStatusCode.OK)).GetProperty("user");

    [Fact]
    public async Task A_role_change_reaches_the_cached_session()
    {
        var (client, userId) = await SignedInAsync();
        var admin = await AuthClient.SignedInAsAsync(Api, "admin");

        await (await admin.PostAsync("/api/auth/admin/set-role", new { userId, role = "staff" })).ShouldBe(HttpStatusCode.OK);

        Assert.Equal("staff", (await SessionUser(client)).GetProperty("role").GetString());
    }

    [Fact]
    public async Task A_cached_session_ends_at_its_expiry_however_long_the_cache_keeps_entries()
    {
        var client = new AuthClient(Api);
        await client.SignUpAsync();
        await using (var db = await Api.OpenDatabaseAsync())
            await db.ExecuteAsync("UPDATE sessions SET expires_at = now() + interval '2 seconds', remember_me = false WHERE token_hash = sha256(convert_to(@t, 'UTF8'))",
                new { t = client.SessionToken }); // remember_me = false: get-session does not slide it
        await (await client.GetAsync("/api/auth/get-session")).ShouldBe(HttpStatusCode.OK);
        Assert.True(Api.CachesSessionOf(client));

        await Conditions.WaitUntilAsync(async () => await SessionOf(client) == "null");
    }

    [Fact]
    public async Task Entries_live_no_longer_than_the_setting()
    {
        await using var api = await ApiFactory.StartAsync(new Dictionary<string, string?> { ["Auth:SessionCacheSeconds"] = "1" });
        await api.SessionCacheActiveAsync();
        var client = new AuthClient(api);
        await client.SignUpAsync();
        await (await client.GetAsync("/api/auth/get-session")).ShouldBe(HttpStatusCode.OK);
        await DeleteSessionByHandAsync(api, client);

        Assert.NotEqual("null", await SessionOf(client)); // still cached
        await Conditions.WaitUntilAsync(async () => await SessionOf(client) == "null");
    }

    [Fact]
    public async Task With_the_cache_off_every_request_asks_the_database()
    {
        await using var api = await ApiFactory.StartAsync(new Dictionary<string, string?> { ["Auth:SessionCacheSeconds"] = "0" });
        var client = new AuthClient(api);
        await client.SignUpAsync();
        await (await client.GetAsync("/api/auth/get-session")).ShouldBe(HttpStatusCode.OK);
        await DeleteSessionByHandAsync(api, client);

        Assert.Equal("null", await SessionOf(client));
    }

    [Fact]
    public async Task While_the_listener_is_down_nothing_is_cached_and_caching_resumes_when_it_is_back()
    {
        await using var api = await ApiFactory.StartAsync();
        await api.SessionCacheActiveAsync();
        var listener = api.Services.GetRequiredService<NotificationListener>();
        var client = new AuthClient(api);
        await client.SignUpAsync();
        await (await client.GetAsync("/api/auth/get-session")).ShouldBe(HttpStatusCode.OK);

        await listener.StopAsync(CancellationToken.None);

        Assert.False(api.CachesSessionOf(client));
        await (await client.GetAsync("/api/auth/get-session")).ShouldBe(HttpStatusCode.OK);
        Assert.False(api.CachesSessionOf(client));
        await DeleteSessionByHandAsync(api, client);
        Assert.Equal("null", await SessionOf(client));

        await listener.StartAsync(CancellationToken.None);
        await api.SessionCacheActiveAsync();
        var other = new AuthClient(api);
        await other.SignUpAsync();
        await (await other.GetAsync("/api/auth/get-session")).ShouldBe(HttpStatusCode.OK);
        Assert.True(api.CachesSessionOf(other));
    }

    private static async Task DeleteSessionByHandAsync(ApiFactory api, AuthClient client)
    {
        await using var db = await api.OpenDatabaseAsync();
        await db.ExecuteAsync("DELETE FROM sessions WHERE token_hash = sha256(convert_to(@t, 'UTF8'))", new { t = client.SessionToken });
    }
}
