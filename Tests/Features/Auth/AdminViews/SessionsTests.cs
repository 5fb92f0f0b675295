namespace Waitlist.Tests.Features.Auth.AdminViews;

/// <summary>GET /api/admin/sessions, GET and DELETE /api/admin/sessions/{id}.</summary>
public sealed class SessionsTests(ApiFixture fixture) : ApiTests<ApiFixture>(fixture)
{
    /// <summary>An account with three sessions, the oldest expired.</summary>
    private async Task<(AuthClient Newest, string Id)> ThreeSessionsAsync()
    {
        var email = AuthClient.UniqueEmail("sesiones");
        var client = new AuthClient(Api);
        var id = (await client.SignUpAsync(email)).GetProperty("user").GetProperty("id").GetString()!;
        for (var i = 0; i < 2; i++)
        {
            client = new AuthClient(Api);
            await (await client.PostAsync("/api/auth/sign-in/email", new { email, password = AuthClient.Password })).ShouldBe(HttpStatusCode.OK);
        }
        await using var db = await Api.OpenDatabaseAsync();
        await db.ExecuteAsync("UPDATE sessions SET expires_at = now() - interval '1 second' WHERE id = (SELECT id FROM sessions WHERE user_id = @id ORDER BY created_at LIMIT 1)", new { id });
        return (client, id);
    }

    [Fact]
    public async Task A_users_sessions_page_by_page_newest_first_without_tokens()
    {
        var (newest, id) = await ThreeSessionsAsync();
        var staff = await AuthClient.SignedInAsAsync(Api, "staff");

        var all = await (await staff.GetAsync($"/api/admin/sessions?userId={id}")).ShouldBe(HttpStatusCode.OK);
        var page = await (await staff.GetAsync($"/api/admin/sessions?userId={id}&limit=2&offset=1")).ShouldBe(HttpStatusCode.OK);
        var active = await (await staff.GetAsync($"/api/admin/sessions?userId={id}&active=true")).ShouldBe(HttpStatusCode.OK);
        var expired = await (await staff.GetAsync($"/api/admin/sessions?userId={id}&active=false")).ShouldBe(HttpStatusCode.OK);
        var everyone = await (await staff.GetAsync("/api/admin/sessions?limit=1")).ShouldBe(HttpStatusCode.OK);

        Assert.Equal((3, 100, 0, false), all.Pagination());
        var created = all.GetProperty("sessions").EnumerateArray().Select(s => s.GetProperty("createdAt").GetDateTime()).ToList();
        Assert.Equal(created.OrderDescending(), created);
        Assert.Equal(((3L, 2, 1, false), 2), (page.Pagination(), page.GetProperty("sessions").GetArrayLength()));
        Assert.Equal(2, active.Pagination().Total);
        Assert.Equal(1, expired.Pagination().Total);
        Assert.True(everyone.Pagination().Total >= 4 && everyone.Pagination().HasMore);
        Assert.DoesNotContain(newest.SessionToken, all.ToString());
        Assert.DoesNotContain("token", all.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Ending_a_session_signs_its_holder_out_on_the_next_request()
    {
        var (newest, _) = await ThreeSessionsAsync();
        var sessionId = (await (await newest.GetAsync("/api/auth/get-session")).ShouldBe(HttpStatusCode.OK)).GetProperty("session").GetProperty("id").GetString()!;
        var staff = await AuthClient.SignedInAsAsync(Api, "staff");

        var viewed = await (await staff.GetAsync($"/api/admin/sessions/{sessionId}")).ShouldBe(HttpStatusCode.OK);
        var ended = await staff.SendAsync(HttpMethod.Delete, $"/api/admin/sessions/{sessionId}", null);

        Assert.Equal(sessionId, viewed.GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.NoContent, ended.StatusCode);
        await (await newest.GetAsync("/api/user/me")).ShouldBe(HttpStatusCode.Unauthorized);
        await (await staff.GetAsync($"/api/admin/sessions/{sessionId}")).ShouldBe(HttpStatusCode.NotFound);
        await (await staff.SendAsync(HttpMethod.Delete, $"/api/admin/sessions/{sessionId}", null)).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_an_admin_ends_an_admins_session()
    {
        var admin = await AuthClient.SignedInAsAsync(Api, "admin");
        var sessionId = (await (await admin.GetAsync("/api/auth/get-session")).ShouldBe(HttpStatusCode.OK)).GetProperty("session").GetProperty("id").GetString()!;
        var staff = await AuthClient.SignedInAsAsync(Api, "staff");
        var otherAdmin = await AuthClient.SignedInAsAsync(Api, "admin");

        var refused = await (await staff.SendAsync(HttpMethod.Delete, $"/api/admin/sessions/{sessionId}", null)).ShouldBe(HttpStatusCode.Forbidden);

        Assert.Equal("ONLY_ADMINS_CAN_END_ADMIN_SESSIONS", refused.GetProperty("code").GetString());
        await (await admin.GetAsync("/api/user/me")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.NoContent, (await otherAdmin.SendAsync(HttpMethod.Delete, $"/api/admin/sessions/{sessionId}", null)).StatusCode);
        await (await admin.GetAsync("/api/user/me")).ShouldBe(HttpStatusCode.Unauthorized);
    }
}
