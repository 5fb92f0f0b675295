namespace Waitlist.Tests.Features.Auth.AdminViews;

/// <summary>GET /api/admin/api-keys, GET and DELETE /api/admin/api-keys/{id}: everyone's keys with their owners, never the keys.</summary>
public sealed class ApiKeysTests(ApiFixture fixture) : ApiTests<ApiFixture>(fixture)
{
    /// <summary>An account with three keys, the middle one disabled.</summary>
    private async Task<(AuthClient Owner, string UserId, string Email, IReadOnlyList<JsonElement> Keys)> ThreeKeysAsync()
    {
        var owner = new AuthClient(Api);
        var email = AuthClient.UniqueEmail("claves");
        var userId = (await owner.SignUpAsync(email)).GetProperty("user").Text("id");
        var keys = new List<JsonElement>();
        foreach (var name in new[] { "uno", "dos", "tres" })
            keys.Add(await owner.CreateApiKeyAsync(new { name }));
        await (await owner.PostAsync("/api/auth/api-key/update", new { keyId = keys[1].Text("id"), enabled = false })).ShouldBe(HttpStatusCode.OK);
        return (owner, userId, email, keys);
    }

    [Fact]
    public async Task A_users_keys_page_by_page_newest_first_with_their_owner_and_never_the_key()
    {
        var (_, userId, email, keys) = await ThreeKeysAsync();
        var staff = await AuthClient.SignedInAsAsync(Api, "staff");

        var all = await (await staff.GetAsync($"/api/admin/api-keys?userId={userId}")).ShouldBe(HttpStatusCode.OK);
        var page = await (await staff.GetAsync($"/api/admin/api-keys?userId={userId}&limit=1&offset=1")).ShouldBe(HttpStatusCode.OK);
        var enabled = await (await staff.GetAsync($"/api/admin/api-keys?userId={userId}&enabled=true")).ShouldBe(HttpStatusCode.OK);
        var disabled = await (await staff.GetAsync($"/api/admin/api-keys?userId={userId}&enabled=false")).ShouldBe(HttpStatusCode.OK);

        Assert.Equal((3, 100, 0, false), all.Pagination());
        var listed = all.GetProperty("apiKeys").EnumerateArray().ToList();
        Assert.Equal(["tres", "dos", "uno"], listed.Select(k => k.Text("name")));
        Assert.Equal(["id", "userId", "name", "start", "enabled", "lastUsedAt", "createdAt", "expiresAt", "user"], listed[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal((userId, email, "Ana Pérez"), (listed[0].GetProperty("user").Text("id"), listed[0].GetProperty("user").Text("email"), listed[0].GetProperty("user").Text("name")));
        Assert.Equal(keys[2].Text("start"), listed[0].Text("start"));
        Assert.Equal(["dos"], page.GetProperty("apiKeys").EnumerateArray().Select(k => k.Text("name")));
        Assert.Equal(["tres", "uno"], enabled.GetProperty("apiKeys").EnumerateArray().Select(k => k.Text("name")));
        Assert.Equal(["dos"], disabled.GetProperty("apiKeys").EnumerateArray().Select(k => k.Text("name")));
        foreach (var key in keys)
            Assert.DoesNotContain(key.Text("key"), all.GetRawText());
    }

    [Fact]
    public async Task Deleting_a_key_refuses_it_on_its_next_request()
    {
        var (_, _, _, keys) = await ThreeKeysAsync();
        var (id, key) = (keys[0].Text("id"), keys[0].Text("key"));
        await (await Api.WithApiKey(key).GetAsync("/api/user/me")).ShouldBe(HttpStatusCode.OK);
        var staff = await AuthClient.SignedInAsAsync(Api, "staff");

        var viewed = await (await staff.GetAsync($"/api/admin/api-keys/{id}")).ShouldBe(HttpStatusCode.OK);
        var deleted = await (await staff.DeleteAsync($"/api/admin/api-keys/{id}")).ShouldBe(HttpStatusCode.OK);

        Assert.Equal((id, "uno"), (viewed.Text("id"), viewed.Text("name")));
        Assert.NotEqual(JsonValueKind.Null, viewed.GetProperty("lastUsedAt").ValueKind);
        Assert.Equal("""{"ok":true}""", deleted.GetRawText());
        var refused = await (await Api.WithApiKey(key).GetAsync("/api/user/me")).ShouldBe(HttpStatusCode.Unauthorized);
        Assert.Equal("INVALID_API_KEY", refused.Text("code"));
        await (await staff.GetAsync($"/api/admin/api-keys/{id}")).ShouldBe(HttpStatusCode.NotFound);
        await (await staff.DeleteAsync($"/api/admin/api-keys/{id}")).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_an_admin_deletes_an_admins_key()
    {
        var admin = await AuthClient.SignedInAsAsync(Api, "admin");
        var created = await admin.CreateApiKeyAsync();
        var (id, key) = (created.Text("id"), created.Text("key"));
        var staff = await AuthClient.SignedInAsAsync(Api, "staff");
        var otherAdmin = await AuthClient.SignedInAsAsync(Api, "admin");

        var refused = await (await staff.DeleteAsync($"/api/admin/api-keys/{id}")).ShouldBe(HttpStatusCode.Forbidden);

        Assert.Equal("ONLY_ADMINS_CAN_DELETE_ADMIN_KEYS", refused.Text("code"));
        await (await Api.WithApiKey(key).GetAsync("/api/user/me")).ShouldBe(HttpStatusCode.OK);
        await (await otherAdmin.DeleteAsync($"/api/admin/api-keys/{id}")).ShouldBe(HttpStatusCode.OK);
        await (await Api.WithApiKey(key).GetAsync("/api/user/me")).ShouldBe(HttpStatusCode.Unauthorized);
    }
}
