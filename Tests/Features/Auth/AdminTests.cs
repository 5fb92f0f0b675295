namespace Waitlist.Tests.Features.Auth;

public sealed class AdminTests(ApiFixture fixture) : ApiTests<ApiFixture>(fixture)
{
    /// <summary>An admin, and the account the test's admin action falls on (its victim).</summary>
    private async Task<(AuthClient Admin, AuthClient Victim, string Id, string Email)> AdminAndVictimAsync()
    {
        var admin = await AuthClient.SignedInAsAsync(Api, "admin");
        var email = AuthClient.UniqueEmail("victima");
        var victim = new AuthClient(Api);
        var body = await victim.SignUpAsync(email);
        // A session in use, hence in the session cache: what the admin does must evict it.
        await (await victim.GetAsync("/api/auth/get-session")).ShouldBe(HttpStatusCode.OK);
        return (admin, victim, body.GetProperty("user").GetProperty("id").GetString()!, email);
    }

    [Fact]
    public async Task A_plain_user_gets_the_admin_plugins_403_codes()
    {
        var user = await AuthClient.SignedInAsAsync(Api, "user");

        var list = await (await user.GetAsync("/api/auth/admin/list-users?limit=2")).ShouldBe(HttpStatusCode.Forbidden);
        var ban = await (await user.PostAsync("/api/auth/admin/ban-user", new { userId = "x" })).ShouldBe(HttpStatusCode.Forbidden);

        Assert.Equal("YOU_ARE_NOT_ALLOWED_TO_LIST_USERS", list.GetProperty("code").GetString());
        Assert.Equal("No tienes permiso para ver la lista de usuarios.", list.GetProperty("message").GetString());
        Assert.Equal("YOU_ARE_NOT_ALLOWED_TO_BAN_USERS", ban.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Staff_may_list_users_but_not_change_them()
    {
        var staff = await AuthClient.SignedInAsAsync(Api, "staff");

        await (await staff.GetAsync("/api/auth/admin/list-users")).ShouldBe(HttpStatusCode.OK);
        var setRole = await (await staff.PostAsync("/api/auth/admin/set-role", new { userId = "x", role = "admin" })).ShouldBe(HttpStatusCode.Forbidden);
        Assert.Equal("YOU_ARE_NOT_ALLOWED_TO_CHANGE_USERS_ROLE", setRole.GetProperty("code").GetString());
    }

    [Fact]
    public async Task List_users_searches_filters_sorts_and_pages()
    {
        var admin = await AuthClient.SignedInAsAsync(Api, "admin");
        var tag = Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < 3; i++)
            await new AuthClient(Api).SignUpAsync($"buscar-{tag}-{i}@example.com", name: $"Persona {i}");

        var page = await (await admin.GetAsync($"/api/auth/admin/list-users?searchValue={tag}&searchField=email&limit=2&offset=0&sortBy=email&sortDirection=desc")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(3, page.GetProperty("total").GetInt64());
        Assert.Equal(2, page.GetProperty("limit").GetInt32());
        Assert.Equal(new[] { $"buscar-{tag}-2@example.com", $"buscar-{tag}-1@example.com" },
            page.GetProperty("users").EnumerateArray().Select(u => u.GetProperty("email").GetString()!).ToArray());

        var filtered = await (await admin.GetAsync($"/api/auth/admin/list-users?searchValue=buscar-{tag}&searchOperator=starts_with&filterField=name&filterValue=Persona%201&filterOperator=eq")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(1, filtered.GetProperty("total").GetInt64());

        var admins = await (await admin.GetAsync("/api/auth/admin/list-users?filterField=role&filterValue=admin")).ShouldBe(HttpStatusCode.OK);
        Assert.All(admins.GetProperty("users").EnumerateArray(), u => Assert.Equal("admin", u.GetProperty("role").GetString()));

        // A search for LIKE wildcards finds nothing rather than everything.
        var wildcard = await (await admin.GetAsync("/api/auth/admin/list-users?searchValue=%25")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(0, wildcard.GetProperty("total").GetInt64());
    }

    [Theory]
    [InlineData("sortBy=password_hash")]
    [InlineData("sortBy=email;DROP TABLE users")]
    [InlineData("sortDirection=sideways")]
    [InlineData("limit=-1")]
    [InlineData("limit=abc")]
    [InlineData("filterField=password_hash&filterValue=x")]
    [InlineData("filterField=createdAt&filterValue=yesterday&filterOperator=lt")]
    [InlineData("searchValue=a&searchOperator=regex")]
    public async Task Invalid_list_queries_are_a_400(string query)
    {
        var admin = await AuthClient.SignedInAsAsync(Api, "admin");

        var body = await (await admin.GetAsync($"/api/auth/admin/list-users?{query}")).ShouldBe(HttpStatusCode.BadRequest);

        Assert.Equal("VALIDATION_ERROR", body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Create_user_makes_a_staff_account_that_signs_in_by_username()
    {
        var admin = await AuthClient.SignedInAsAsync(Api, "admin");
        var username = AuthClient.UniqueUsername("Recepcion");

        var body = await (await admin.PostAsync("/api/auth/admin/create-user", new
        {
            email = AuthClient.UniqueEmail("staff"), password = "Clinica-segura-2024", name = "Recepción", role = "staff", data = new { username },
        })).ShouldBe(HttpStatusCode.OK);

        Assert.Equal("staff", body.GetProperty("user").GetProperty("role").GetString());
        Assert.Equal(username.ToLowerInvariant(), body.GetProperty("user").GetProperty("username").GetString());
        Assert.Null(admin.Cookies.GetValueOrDefault("unexpected"));
        await (await new AuthClient(Api).PostAsync("/api/auth/sign-in/username", new { username, password = "Clinica-segura-2024" })).ShouldBe(HttpStatusCode.OK);

        var invalidRole = await (await admin.PostAsync("/api/auth/admin/create-user", new { email = AuthClient.UniqueEmail(), password = "Clinica-segura-2024", name = "X", role = "root" })).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal("INVALID_ROLE", invalidRole.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Set_role_changes_the_role_and_unknown_users_are_404()
    {
        var (admin, _, id, _) = await AdminAndVictimAsync();

        var body = await (await admin.PostAsync("/api/auth/admin/set-role", new { userId = id, role = "staff" })).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("staff", body.GetProperty("user").GetProperty("role").GetString());

        var missing = await (await admin.PostAsync("/api/auth/admin/set-role", new { userId = "nadie", role = "staff" })).ShouldBe(HttpStatusCode.NotFound);
        Assert.Equal("USER_NOT_FOUND", missing.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Ban_revokes_sessions_and_blocks_sign_in_until_unban()
    {
        var (admin, victim, id, email) = await AdminAndVictimAsync();

        var banned = await (await admin.PostAsync("/api/auth/admin/ban-user", new { userId = id, banReason = "spam" })).ShouldBe(HttpStatusCode.OK);
        Assert.True(banned.GetProperty("user").GetProperty("banned").GetBoolean());
        Assert.Equal("spam", banned.GetProperty("user").GetProperty("banReason").GetString());
        Assert.Equal(JsonValueKind.Null, banned.GetProperty("user").GetProperty("banExpires").ValueKind);
        Assert.Equal("null", await (await victim.GetAsync("/api/auth/get-session")).Content.ReadAsStringAsync());
        var refused = await (await new AuthClient(Api).PostAsync("/api/auth/sign-in/email", new { email, password = AuthClient.Password })).ShouldBe(HttpStatusCode.Forbidden);
        Assert.Equal("BANNED_USER", refused.GetProperty("code").GetString());

        var unbanned = await (await admin.PostAsync("/api/auth/admin/unban-user", new { userId = id })).ShouldBe(HttpStatusCode.OK);
        Assert.False(unbanned.GetProperty("user").GetProperty("banned").GetBoolean());
        await (await new AuthClient(Api).PostAsync("/api/auth/sign-in/email", new { email, password = AuthClient.Password })).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_ban_with_expiry_records_when_it_ends_and_nobody_bans_themselves()
    {
        var (admin, _, id, _) = await AdminAndVictimAsync();

        var banned = await (await admin.PostAsync("/api/auth/admin/ban-user", new { userId = id, banExpiresIn = 3600 })).ShouldBe(HttpStatusCode.OK);
        Assert.InRange(banned.GetProperty("user").GetProperty("banExpires").GetDateTime(), DateTime.UtcNow.AddMinutes(59), DateTime.UtcNow.AddMinutes(61));

        var self = (await (await admin.GetAsync("/api/auth/get-session")).ShouldBe(HttpStatusCode.OK)).GetProperty("user").GetProperty("id").GetString();
        var body = await (await admin.PostAsync("/api/auth/admin/ban-user", new { userId = self })).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal("YOU_CANNOT_BAN_YOURSELF", body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Admin_lists_and_revokes_a_users_sessions()
    {
        var (admin, victim, id, email) = await AdminAndVictimAsync();
        var second = new AuthClient(Api);
        await (await second.PostAsync("/api/auth/sign-in/email", new { email, password = AuthClient.Password })).ShouldBe(HttpStatusCode.OK);

        var listed = await (await admin.PostAsync("/api/auth/admin/list-user-sessions", new { userId = id })).ShouldBe(HttpStatusCode.OK);
        var sessions = listed.GetProperty("sessions").EnumerateArray().ToList();
        Assert.Equal(2, sessions.Count);
        Assert.DoesNotContain(sessions, s => s.GetProperty("token").GetString() == victim.SessionToken);

        await (await admin.PostAsync("/api/auth/admin/revoke-user-session", new { sessionToken = second.SessionToken })).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("null", await (await second.GetAsync("/api/auth/get-session")).Content.ReadAsStringAsync());
        Assert.NotEqual("null", await (await victim.GetAsync("/api/auth/get-session")).Content.ReadAsStringAsync());

        Assert.Equal("""{"success":true}""", (await (await admin.PostAsync("/api/auth/admin/revoke-user-sessions", new { userId = id })).ShouldBe(HttpStatusCode.OK)).GetRawText());
        Assert.Equal("null", await (await victim.GetAsync("/api/auth/get-session")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Remove_user_deletes_the_account_but_not_ones_own()
    {
        var (admin, victim, id, _) = await AdminAndVictimAsync();

        await (await admin.PostAsync("/api/auth/admin/remove-user", new { userId = id })).ShouldBe(HttpStatusCode.OK);

        Assert.Equal("null", await (await victim.GetAsync("/api/auth/get-session")).Content.ReadAsStringAsync());
        await using var db = await Api.OpenDatabaseAsync();
        Assert.Equal(0, await db.ExecuteScalarAsync<int>("SELECT count(*) FROM users WHERE id = @id", new { id }));
        await (await admin.PostAsync("/api/auth/admin/remove-user", new { userId = id })).ShouldBe(HttpStatusCode.NotFound);
        var self = (await (await admin.GetAsync("/api/auth/get-session")).ShouldBe(HttpStatusCode.OK)).GetProperty("user").GetProperty("id").GetString();
        var body = await (await admin.PostAsync("/api/auth/admin/remove-user", new { userId = self })).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal("YOU_CANNOT_REMOVE_YOURSELF", body.GetProperty("code").GetString());
    }
}
