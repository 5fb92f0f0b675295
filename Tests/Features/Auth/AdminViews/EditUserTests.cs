namespace Waitlist.Tests.Features.Auth.AdminViews;

public sealed class EditUserTests(ApiFixture fixture) : ApiTests<ApiFixture>(fixture)
{
    private static string UserPath(string id) => $"/api/admin/users/{id}";

    private async Task<(AuthClient Client, string Id)> AccountAsync(string role)
    {
        var client = await AuthClient.SignedInAsAsync(Api, role);
        return (client, await client.UserIdAsync());
    }

    [Fact]
    public async Task Staff_renames_and_views_a_user_and_gets_the_account_itself_back()
    {
        var (staff, _) = await AccountAsync("staff");
        var (_, id) = await AccountAsync("user");

        var edited = await (await staff.PatchAsync(UserPath(id), new { name = "  Nombre Corregido " })).ShouldBe(HttpStatusCode.OK);
        var viewed = await (await staff.GetAsync(UserPath(id))).ShouldBe(HttpStatusCode.OK);

        Assert.Equal(("Nombre Corregido", id), (edited.GetProperty("name").GetString(), edited.GetProperty("id").GetString()));
        Assert.Equal(edited.ToString(), viewed.ToString());
    }

    [Fact]
    public async Task A_ban_signs_the_user_out_at_once_and_a_readmission_lets_them_sign_in_again()
    {
        var (staff, _) = await AccountAsync("staff");
        var email = AuthClient.UniqueEmail("suspender");
        var user = new AuthClient(Api);
        var id = (await user.SignUpAsync(email)).GetProperty("user").GetProperty("id").GetString()!;
        var until = DateTimeOffset.UtcNow.AddDays(7);

        var banned = await (await staff.PatchAsync(UserPath(id), new { banned = true, banReason = "Publicidad no deseada", banExpires = until })).ShouldBe(HttpStatusCode.OK);

        Assert.True(banned.GetProperty("banned").GetBoolean());
        Assert.Equal("Publicidad no deseada", banned.GetProperty("banReason").GetString());
        Assert.InRange(banned.GetProperty("banExpires").GetDateTimeOffset(), until.AddSeconds(-1), until.AddSeconds(2));
        await (await user.GetAsync("/api/user/me")).ShouldBe(HttpStatusCode.Unauthorized);
        await using (var db = await Api.OpenDatabaseAsync())
            Assert.Equal(0, await db.ExecuteScalarAsync<long>("SELECT count(*) FROM sessions WHERE user_id = @id", new { id }));
        await (await new AuthClient(Api).PostAsync("/api/auth/sign-in/email", new { email, password = AuthClient.Password })).ShouldBe(HttpStatusCode.Forbidden);

        var readmitted = await (await staff.PatchAsync(UserPath(id), new { banned = false })).ShouldBe(HttpStatusCode.OK);
        Assert.False(readmitted.GetProperty("banned").GetBoolean());
        await (await new AuthClient(Api).PostAsync("/api/auth/sign-in/email", new { email, password = AuthClient.Password })).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Only_an_admin_changes_roles_or_the_ban_of_an_admin()
    {
        var (staff, _) = await AccountAsync("staff");
        var (admin, _) = await AccountAsync("admin");
        var (_, userId) = await AccountAsync("user");
        var (_, adminId) = await AccountAsync("admin");

        var role = await (await staff.PatchAsync(UserPath(userId), new { role = "staff" })).ShouldBe(HttpStatusCode.Forbidden);
        var ban = await (await staff.PatchAsync(UserPath(adminId), new { banned = true })).ShouldBe(HttpStatusCode.Forbidden);
        var unban = await (await staff.PatchAsync(UserPath(adminId), new { banned = false })).ShouldBe(HttpStatusCode.Forbidden);

        Assert.Equal("ONLY_ADMINS_CAN_CHANGE_ROLES", role.GetProperty("code").GetString());
        Assert.Equal("ONLY_ADMINS_CAN_BAN_ADMINS", ban.GetProperty("code").GetString());
        Assert.Equal("ONLY_ADMINS_CAN_BAN_ADMINS", unban.GetProperty("code").GetString());
        var promoted = await (await admin.PatchAsync(UserPath(userId), new { role = "staff" })).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("staff", promoted.GetProperty("role").GetString());
        await (await admin.PatchAsync(UserPath(adminId), new { banned = true })).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Nobody_bans_themselves()
    {
        var (admin, id) = await AccountAsync("admin");

        var body = await (await admin.PatchAsync(UserPath(id), new { banned = true })).ShouldBe(HttpStatusCode.BadRequest);

        Assert.Equal("YOU_CANNOT_BAN_YOURSELF", body.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("""{ "name": "" }""", "name:REQUIRED")]
    [InlineData("""{ "name": "Línea\nnueva" }""", "name:CONTROL_CHARACTERS")]
    [InlineData("""{ "role": "root" }""", "role:INVALID_ROLE")]
    [InlineData("""{ "banned": true, "banExpires": "2001-01-01T00:00:00Z" }""", "banExpires:INVALID_DATE")]
    [InlineData("""{ "banReason": "sin suspender" }""", "banned:BAN_DETAILS_WITHOUT_BAN")]
    [InlineData("""{ "banned": false, "banExpires": "2999-01-01T00:00:00Z" }""", "banExpires:INVALID_DATE")]
    public async Task Invalid_changes_are_spanish_field_errors(string json, string error)
    {
        var (admin, _) = await AccountAsync("admin");
        var (_, id) = await AccountAsync("user");

        var body = await (await admin.PatchRawAsync(UserPath(id), json)).ShouldBe(HttpStatusCode.BadRequest);

        Assert.Contains(error, body.FieldErrors());
    }

    [Fact]
    public async Task The_last_active_admin_is_neither_demoted_nor_banned()
    {
        await using var api = await ApiFactory.StartAsync();
        var admin = await AuthClient.SignedInAsAsync(api, "admin");
        var adminId = await admin.UserIdAsync();

        var demoted = await (await admin.PatchAsync(UserPath(adminId), new { role = "user" })).ShouldBe(HttpStatusCode.Conflict);
        Assert.Equal("LAST_ADMIN", demoted.GetProperty("code").GetString());
        Assert.Equal("admin", (await (await admin.GetAsync(UserPath(adminId))).ShouldBe(HttpStatusCode.OK)).GetProperty("role").GetString());

        // Better Auth's own admin routes keep the same rule.
        var setRole = await (await admin.PostAsync("/api/auth/admin/set-role", new { userId = adminId, role = "staff" })).ShouldBe(HttpStatusCode.Conflict);
        Assert.Equal("LAST_ADMIN", setRole.GetProperty("code").GetString());
        Assert.True(setRole.TryGetProperty("message", out _));
    }

    [Fact]
    public async Task Two_admins_demoting_each_other_at_the_same_moment_leave_one_admin()
    {
        await using var api = await ApiFactory.StartAsync();
        for (var round = 0; round < 5; round++)
        {
            await using (var db = await api.OpenDatabaseAsync())
                await db.ExecuteAsync("UPDATE users SET role = 'user' WHERE role = 'admin'");
            var first = await AuthClient.SignedInAsAsync(api, "admin");
            var second = await AuthClient.SignedInAsAsync(api, "admin");
            var (firstId, secondId) = (await first.UserIdAsync(), await second.UserIdAsync());

            var answers = await Task.WhenAll(
                first.PatchAsync(UserPath(secondId), new { role = "user" }),
                second.PatchAsync(UserPath(firstId), round % 2 == 0 ? new { role = "staff" } : (object)new { banned = true }));

            // The one served second is refused: LAST_ADMIN, or already signed out or demoted when it arrived.
            Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
            Assert.Single(answers, a => a.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized);
            await using (var db = await api.OpenDatabaseAsync())
                Assert.Equal(1, await db.ExecuteScalarAsync<long>("SELECT count(*) FROM users WHERE role = 'admin' AND NOT banned"));
        }
    }
}
