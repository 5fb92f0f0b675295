using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Waitlist.Features.Auth.ApiKeys;

namespace Waitlist.Tests.Infrastructure;

/// <summary>
/// Two instances of the API on one database behave as one service: rate limits count across them; a revocation on one
/// ends the session or the API key on the other even when the other had it in its cache; they sign access tokens with
/// one key and refuse a logged-out access token at once.
/// </summary>
public sealed class ManyInstancesTests(ManyInstancesTests.TwoInstances instances) : IClassFixture<ManyInstancesTests.TwoInstances>
{
    private readonly ApiFactory _a = instances.A;
    private readonly ApiFactory _b = instances.B;

    public sealed class TwoInstances : Support.TwoInstances
    {
        protected override Task ReadyAsync(ApiFactory api) => api.SessionCacheActiveAsync();
    }

    private static object Entry() => new { email = $"persona-{Guid.NewGuid():N}@example.com", type = "professional", name = "Ana Pérez", field = "Química" };

    [Fact]
    public async Task Five_waitlist_posts_on_one_instance_use_up_the_limit_on_the_other()
    {
        var ip = TestIps.Unique();
        for (var i = 0; i < 5; i++)
            await (await _a.ClientFrom(ip).PostJsonAsync("/api/waitlist", Entry())).ShouldBe(HttpStatusCode.Created);

        var response = await _b.ClientFrom(ip).PostJsonAsync("/api/waitlist", Entry());

        var body = await response.ShouldBe(HttpStatusCode.TooManyRequests);
        Assert.Equal("RATE_LIMITED", body.GetProperty("code").GetString());
        Assert.Equal("0", response.Header("X-RateLimit-Remaining"));
        Assert.NotNull(response.Headers.RetryAfter);
    }

    /// <summary>A browser signed in through A whose session B has just served, from its cache.</summary>
    private async Task<(AuthClient OnA, AuthClient OnB, string UserId)> SessionCachedOnBAsync()
    {
        var onA = new AuthClient(_a);
        var userId = (await onA.SignUpAsync()).GetProperty("user").GetProperty("id").GetString()!;
        var onB = onA.On(_b);
        await (await onB.GetAsync("/api/auth/get-session")).ShouldBe(HttpStatusCode.OK);
        await (await onB.GetAsync("/api/auth/get-session")).ShouldBe(HttpStatusCode.OK);
        Assert.True(_b.CachesSessionOf(onB));
        return (onA, onB, userId);
    }

    [Fact]
    public async Task A_session_signed_out_on_one_instance_is_refused_by_the_other_that_had_it_cached()
    {
        var (onA, onB, _) = await SessionCachedOnBAsync();

        await (await onA.PostAsync("/api/auth/sign-out")).ShouldBe(HttpStatusCode.OK);
        await _b.DeliveredAsync();

        await RefusedAsync(onB);
    }

    [Fact]
    public async Task A_ban_on_one_instance_ends_the_users_sessions_on_the_other()
    {
        var (_, onB, userId) = await SessionCachedOnBAsync();
        var admin = await AuthClient.SignedInAsAsync(_a, "admin");

        await (await admin.PostAsync("/api/auth/admin/ban-user", new { userId, banReason = "spam" })).ShouldBe(HttpStatusCode.OK);
        await _b.DeliveredAsync();

        await RefusedAsync(onB);
    }

    [Fact]
    public async Task A_revocation_made_while_the_listener_is_down_is_honoured_when_no_notification_can_tell()
    {
        // The cache hides a change made without a notification while its listener is up...
        var (_, control, _) = await SessionCachedOnBAsync();
        await DeleteSessionByHandAsync(control);
        await (await control.GetAsync("/api/auth/get-session")).ShouldBe(HttpStatusCode.OK);

        // ...but once the listening connection is lost, B can no longer trust what it cached.
        var (_, onB, _) = await SessionCachedOnBAsync();
        using var probe = new NotificationProbe(_b, "test_lost");
        await probe.ListeningAsync();
        await _b.TerminateListenersAsync();
        await Conditions.WaitUntilAsync(() => probe.Lost == 1);
        await Conditions.WaitUntilAsync(() => !_b.CachesSessionOf(onB));
        await DeleteSessionByHandAsync(onB);

        await RefusedAsync(onB);
        await _b.SessionCacheActiveAsync();
        await RefusedAsync(onB);
    }

    /// <summary>A key created through A that B has just authenticated twice, the second time from its cache.</summary>
    private async Task<(AuthClient Owner, string Key, string KeyId, string UserId)> ApiKeyCachedOnBAsync()
    {
        var owner = new AuthClient(_a);
        var userId = (await owner.SignUpAsync()).GetProperty("user").GetProperty("id").GetString()!;
        var created = await owner.CreateApiKeyAsync();
        var key = created.Text("key");
        for (var i = 0; i < 2; i++)
            await (await _b.WithApiKey(key).GetAsync("/api/user/me")).ShouldBe(HttpStatusCode.OK);
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        Assert.NotNull(_b.Services.GetRequiredService<ApiKeyCache>().Find(hash));
        return (owner, key, created.Text("id"), userId);
    }

    [Theory]
    [InlineData("disable", "KEY_DISABLED")]
    [InlineData("delete", "INVALID_API_KEY")]
    [InlineData("admin-delete", "INVALID_API_KEY")]
    [InlineData("ban", "USER_BANNED")]
    public async Task An_api_key_revoked_on_one_instance_is_refused_by_the_other_that_had_it_cached(string revocation, string code)
    {
        var (owner, key, keyId, userId) = await ApiKeyCachedOnBAsync();
        var admin = revocation is "admin-delete" or "ban" ? await AuthClient.SignedInAsAsync(_a, "admin") : null;

        var response = revocation switch
        {
            "disable" => await owner.PostAsync("/api/auth/api-key/update", new { keyId, enabled = false }),
            "delete" => await owner.PostAsync("/api/auth/api-key/delete", new { keyId }),
            "admin-delete" => await admin!.DeleteAsync($"/api/admin/api-keys/{keyId}"),
            _ => await admin!.PostAsync("/api/auth/admin/ban-user", new { userId }),
        };
        await response.ShouldBe(HttpStatusCode.OK);
        await _b.DeliveredAsync();

        var refused = await (await _b.WithApiKey(key).GetAsync("/api/user/me")).ShouldBe(HttpStatusCode.Unauthorized);
        Assert.Equal(code, refused.Text("code"));
    }

    [Fact]
    public async Task Both_instances_sign_with_one_key_and_a_logout_on_one_is_refused_by_the_other_at_once()
    {
        // B reads the (still empty) key set; A then adds the first key, which signs at once: B must know it.
        await (await _b.CreateClient().GetAsync("/api/auth/jwks")).ShouldBe(HttpStatusCode.OK);
        var (_, fromA) = await _a.TokenLoginAsAsync();
        await _b.DeliveredAsync();
        var onB = _b.WithAccessToken(fromA.Text("access_token"));
        await (await onB.GetAsync("/api/user/me")).ShouldBe(HttpStatusCode.OK);
        var (_, fromB) = await _b.TokenLoginAsAsync();
        await (await _a.WithAccessToken(fromB.Text("access_token")).GetAsync("/api/user/me")).ShouldBe(HttpStatusCode.OK);

        await (await _a.WithAccessToken(fromA.Text("access_token")).PostJsonAsync("/api/token/logout", new { refresh_token = fromA.Text("refresh_token") }))
            .ShouldBe(HttpStatusCode.OK);
        await _b.DeliveredAsync();

        var refused = await (await onB.GetAsync("/api/user/me")).ShouldBe(HttpStatusCode.Unauthorized);
        var refresh = await (await _b.TokenRefreshAsync(fromA.Text("refresh_token"))).ShouldBe(HttpStatusCode.Unauthorized);
        Assert.Equal(("INVALID_TOKEN", "INVALID_TOKEN"), (refused.Text("code"), refresh.Text("code")));
        await (await _a.WithAccessToken(fromB.Text("access_token")).GetAsync("/api/user/me")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(new JsonWebToken(fromA.Text("access_token")).Kid, new JsonWebToken(fromB.Text("access_token")).Kid);
        await using var db = await _a.OpenDatabaseAsync();
        Assert.Equal(1, await db.ExecuteScalarAsync<long>("SELECT count(*) FROM signing_keys"));
    }

    /// <summary>The instance answers the client as signed out: get-session null, a signed-in route 401.</summary>
    private static async Task RefusedAsync(AuthClient client)
    {
        Assert.Equal("null", await (await client.GetAsync("/api/auth/get-session")).Content.ReadAsStringAsync());
        await (await client.GetAsync("/api/auth/list-sessions")).ShouldBe(HttpStatusCode.Unauthorized);
    }

    private async Task DeleteSessionByHandAsync(AuthClient client)
    {
        await using var db = await _a.OpenDatabaseAsync();
        await db.ExecuteAsync("DELETE FROM sessions WHERE token_hash = sha256(convert_to(@t, 'UTF8'))", new { t = client.SessionToken });
    }
}
