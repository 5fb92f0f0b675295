using System.Security.Cryptography;
using Waitlist.Tests.Features.Profile;

namespace Waitlist.Tests.Features.Auth.ApiKeys;

/// <summary>
/// /api/auth/api-key/* in Better Auth's api-key wire format, and API keys authenticating the rest of the API:
/// x-api-key or a bearer token, as their owner, refused where credentials or sessions change, and refused with the
/// reason once disabled, expired, deleted or their owner banned.
/// </summary>
public sealed class ApiKeyTests(ApiFixture fixture) : ApiTests<ApiFixture>(fixture)
{
    [Fact]
    public async Task A_key_is_answered_once_in_better_auths_shape_and_only_its_hash_is_stored()
    {
        var owner = new AuthClient(Api);
        var userId = (await owner.SignUpAsync()).GetProperty("user").GetProperty("id").GetString()!;

        var response = await owner.PostAsync("/api/auth/api-key/create", new { name = "ci", expiresIn = 7 * 86400, prefix = "wl_" });

        var created = await response.ShouldBe(HttpStatusCode.OK);
        var key = created.Text("key");
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Matches("^wl_[A-Za-z]{64}$", key);
        Assert.Equal(
            ["configId", "name", "start", "referenceId", "prefix", "key", "refillInterval", "refillAmount", "lastRefillAt", "enabled", "rateLimitEnabled",
             "rateLimitTimeWindow", "rateLimitMax", "requestCount", "remaining", "lastRequest", "expiresAt", "createdAt", "updatedAt", "permissions", "metadata", "id"],
            created.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("default", "ci", key[..6], userId, "wl_"), (created.Text("configId"), created.Text("name"), created.Text("start"), created.Text("referenceId"), created.Text("prefix")));
        Assert.Equal((true, true, 60_000, 600, 0), (created.GetProperty("enabled").GetBoolean(), created.GetProperty("rateLimitEnabled").GetBoolean(),
            created.GetProperty("rateLimitTimeWindow").GetInt32(), created.GetProperty("rateLimitMax").GetInt32(), created.GetProperty("requestCount").GetInt32()));
        Assert.InRange(created.GetProperty("expiresAt").GetDateTime() - DateTime.UtcNow, TimeSpan.FromDays(7) - TimeSpan.FromMinutes(5), TimeSpan.FromDays(7));
        Assert.Equal(JsonValueKind.Null, created.GetProperty("metadata").ValueKind);

        var listed = await (await owner.GetAsync("/api/auth/api-key/list")).ShouldBe(HttpStatusCode.OK);
        var read = await (await owner.GetAsync($"/api/auth/api-key/get?id={created.Text("id")}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(1, listed.GetProperty("total").GetInt64());
        Assert.False(listed.TryGetProperty("limit", out _));
        Assert.False(listed.GetProperty("apiKeys")[0].TryGetProperty("key", out _));
        Assert.False(read.TryGetProperty("key", out _));
        Assert.DoesNotContain(key, listed.GetRawText() + read.GetRawText());

        await using var db = await Api.OpenDatabaseAsync();
        var stored = await db.QuerySingleAsync<(byte[] Hash, string Start)>("SELECT key_hash AS hash, start FROM api_keys WHERE user_id = @userId", new { userId });
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(key)), stored.Hash);
        Assert.Equal(key[..6], stored.Start);
        Assert.Empty(await PersonalDataFootprint.FindAsync(db, key[6..]));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_key_authenticates_as_its_owner_wherever_a_session_does(bool asBearer)
    {
        var owner = await AuthClient.SignedInAsAsync(Api, "staff");
        var key = (await owner.CreateApiKeyAsync()).Text("key");
        var script = Api.WithApiKey(key, asBearer);

        var me = await (await script.GetAsync("/api/user/me")).ShouldBe(HttpStatusCode.OK);
        await (await script.GetAsync("/api/admin/users?limit=1")).ShouldBe(HttpStatusCode.OK);
        var keys = await (await script.GetAsync("/api/auth/api-key/list")).ShouldBe(HttpStatusCode.OK);

        Assert.Equal(await owner.UserIdAsync(), me.GetProperty("user").Text("id"));
        Assert.Equal(1, keys.GetProperty("total").GetInt64());
    }

    [Theory]
    [InlineData("/api/auth/api-key/create", "UNAUTHORIZED_SESSION")]
    [InlineData("/api/auth/change-password", "UNAUTHORIZED")]
    [InlineData("/api/auth/update-user", "UNAUTHORIZED")]
    [InlineData("/api/auth/revoke-sessions", "UNAUTHORIZED")]
    public async Task A_key_does_not_change_credentials_or_sessions(string path, string code)
    {
        var owner = new AuthClient(Api);
        await owner.SignUpAsync();
        var key = (await owner.CreateApiKeyAsync()).Text("key");

        var body = await (await Api.WithApiKey(key).PostJsonAsync(path, new { name = "otra", currentPassword = AuthClient.Password, newPassword = "N3w-staple-battery" }))
            .ShouldBe(HttpStatusCode.Unauthorized);
        var session = await (await Api.WithApiKey(key).GetAsync("/api/auth/get-session")).Content.ReadAsStringAsync();

        Assert.Equal(code, body.Text("code"));
        Assert.Equal("null", session);
    }

    [Fact]
    public async Task A_disabled_expired_deleted_or_unknown_key_or_a_banned_owners_is_refused_with_its_reason()
    {
        var admin = await AuthClient.SignedInAsAsync(Api, "admin");
        var owner = new AuthClient(Api);
        var ownerId = (await owner.SignUpAsync()).GetProperty("user").Text("id");
        var (disabled, expired, deleted, banned) = (await owner.CreateApiKeyAsync(), await owner.CreateApiKeyAsync(), await owner.CreateApiKeyAsync(), await owner.CreateApiKeyAsync());
        foreach (var key in new[] { disabled, expired, deleted, banned })
            await (await Api.WithApiKey(key.Text("key")).GetAsync("/api/user/me")).ShouldBe(HttpStatusCode.OK);

        await (await owner.PostAsync("/api/auth/api-key/update", new { keyId = disabled.Text("id"), enabled = false })).ShouldBe(HttpStatusCode.OK);
        await (await owner.PostAsync("/api/auth/api-key/delete", new { keyId = deleted.Text("id") })).ShouldBe(HttpStatusCode.OK);
        await using (var db = await Api.OpenDatabaseAsync())
        {
            await db.ExecuteAsync("UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE id = @id", new { id = expired.Text("id") });
            await Api.ChangedByHandAsync(db, ownerId);
        }

        Assert.Equal("KEY_DISABLED", await RefusalAsync(disabled.Text("key")));
        Assert.Equal("KEY_EXPIRED", await RefusalAsync(expired.Text("key")));
        Assert.Equal("INVALID_API_KEY", await RefusalAsync(deleted.Text("key")));
        Assert.Equal("INVALID_API_KEY", await RefusalAsync("wl_" + new string('x', 64)));
        Assert.Equal("INVALID_API_KEY", await RefusalAsync(new string('x', 5000)));
        await (await admin.PostAsync("/api/auth/admin/ban-user", new { userId = ownerId })).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("USER_BANNED", await RefusalAsync(banned.Text("key")));
    }

    private async Task<string> RefusalAsync(string key)
    {
        var body = await (await Api.WithApiKey(key).GetAsync("/api/user/me")).ShouldBe(HttpStatusCode.Unauthorized);
        Assert.False(string.IsNullOrEmpty(body.Text("error")));
        return body.Text("code");
    }

    [Fact]
    public async Task A_refused_key_on_a_route_that_needs_no_caller_is_simply_anonymous()
    {
        var response = await Api.WithApiKey("not-a-key").GetAsync("/api/auth/ok");

        await response.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("""{"name":"un nombre de más de treinta y dos caracteres"}""", 400, "INVALID_NAME_LENGTH")]
    [InlineData("""{"name":"línea\nfalsa"}""", 400, "VALIDATION_ERROR")]
    [InlineData("""{"prefix":"a.b"}""", 400, "VALIDATION_ERROR")]
    [InlineData("""{"prefix":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}""", 400, "INVALID_PREFIX_LENGTH")]
    [InlineData("""{"expiresIn":0}""", 400, "VALIDATION_ERROR")]
    [InlineData("""{"expiresIn":60}""", 400, "EXPIRES_IN_IS_TOO_SMALL")]
    [InlineData("""{"expiresIn":31622400}""", 400, "EXPIRES_IN_IS_TOO_LARGE")]
    [InlineData("""{"remaining":5}""", 400, "SERVER_ONLY_PROPERTY")]
    [InlineData("""{"permissions":{"files":["read"]}}""", 400, "SERVER_ONLY_PROPERTY")]
    [InlineData("""{"metadata":{"a":1}}""", 400, "METADATA_DISABLED")]
    [InlineData("""{"userId":"AbCdEfGhIjKlMnOpQrStUvWxYz012345"}""", 401, "UNAUTHORIZED_SESSION")]
    public async Task Create_refuses_what_better_auth_refuses(string json, int status, string code)
    {
        var owner = new AuthClient(Api);
        await owner.SignUpAsync();

        var body = await (await owner.PostRawAsync("/api/auth/api-key/create", json)).ShouldBe((HttpStatusCode)status);

        Assert.Equal(code, body.Text("code"));
        Assert.False(string.IsNullOrEmpty(body.Text("message")));
    }

    [Fact]
    public async Task Without_a_session_the_routes_answer_better_auths_401s()
    {
        var anonymous = new AuthClient(Api);

        var create = await (await anonymous.PostAsync("/api/auth/api-key/create", new { })).ShouldBe(HttpStatusCode.Unauthorized);
        var list = await (await anonymous.GetAsync("/api/auth/api-key/list")).ShouldBe(HttpStatusCode.Unauthorized);

        Assert.Equal(("UNAUTHORIZED_SESSION", "UNAUTHORIZED"), (create.Text("code"), list.Text("code")));
    }

    [Fact]
    public async Task Update_renames_disables_and_changes_the_expiry_of_ones_own_keys_only()
    {
        var owner = new AuthClient(Api);
        await owner.SignUpAsync();
        var other = new AuthClient(Api);
        await other.SignUpAsync();
        var id = (await owner.CreateApiKeyAsync(new { name = "ci", expiresIn = 86400 })).Text("id");

        var renamed = await (await owner.PostAsync("/api/auth/api-key/update", new { keyId = id, name = "deploy", enabled = false })).ShouldBe(HttpStatusCode.OK);
        var lasting = await (await owner.PostAsync("/api/auth/api-key/update", new { keyId = id, expiresIn = (int?)null })).ShouldBe(HttpStatusCode.OK);
        var nothing = await (await owner.PostAsync("/api/auth/api-key/update", new { keyId = id })).ShouldBe(HttpStatusCode.BadRequest);
        var theirs = await (await other.PostAsync("/api/auth/api-key/update", new { keyId = id, name = "mío" })).ShouldBe(HttpStatusCode.NotFound);
        var theirsRead = await (await other.GetAsync($"/api/auth/api-key/get?id={id}")).ShouldBe(HttpStatusCode.NotFound);
        var theirsDeleted = await (await other.PostAsync("/api/auth/api-key/delete", new { keyId = id })).ShouldBe(HttpStatusCode.NotFound);

        Assert.Equal(("deploy", false), (renamed.Text("name"), renamed.GetProperty("enabled").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, lasting.GetProperty("expiresAt").ValueKind);
        Assert.Equal("NO_VALUES_TO_UPDATE", nothing.Text("code"));
        Assert.Equal(["KEY_NOT_FOUND", "KEY_NOT_FOUND", "KEY_NOT_FOUND"], new[] { theirs, theirsRead, theirsDeleted }.Select(b => b.Text("code")));
        var deleted = await (await owner.PostAsync("/api/auth/api-key/delete", new { keyId = id })).ShouldBe(HttpStatusCode.OK);
        Assert.True(deleted.GetProperty("success").GetBoolean());
    }

    [Fact]
    public async Task List_pages_and_sorts_as_asked()
    {
        var owner = new AuthClient(Api);
        await owner.SignUpAsync();
        foreach (var name in new[] { "b", "a", "c" })
            await owner.CreateApiKeyAsync(new { name });

        var page = await (await owner.GetAsync("/api/auth/api-key/list?limit=2&offset=1&sortBy=name&sortDirection=desc")).ShouldBe(HttpStatusCode.OK);
        var wrong = await (await owner.GetAsync("/api/auth/api-key/list?sortBy=key")).ShouldBe(HttpStatusCode.BadRequest);

        Assert.Equal(["b", "a"], page.GetProperty("apiKeys").EnumerateArray().Select(k => k.Text("name")));
        Assert.Equal((3L, 2, 1), (page.GetProperty("total").GetInt64(), page.GetProperty("limit").GetInt32(), page.GetProperty("offset").GetInt32()));
        Assert.Equal("VALIDATION_ERROR", wrong.Text("code"));
    }
}
