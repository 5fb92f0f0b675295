namespace Waitlist.Tests.Features.Auth;

/// <summary>change-password, update-user, is-username-available, list-sessions and the revocations.</summary>
public sealed class AccountTests(ApiFixture fixture) : ApiTests<ApiFixture>(fixture)
{
    private async Task<(AuthClient First, AuthClient Second, string Email)> TwoSessionsAsync()
    {
        var email = AuthClient.UniqueEmail();
        var first = new AuthClient(Api);
        await first.SignUpAsync(email);
        var second = new AuthClient(Api);
        await (await second.PostAsync("/api/auth/sign-in/email", new { email, password = AuthClient.Password })).ShouldBe(HttpStatusCode.OK);
        return (first, second, email);
    }

    [Fact]
    public async Task List_sessions_shows_every_live_session_with_the_current_token()
    {
        var (first, _, _) = await TwoSessionsAsync();

        var sessions = await (await first.GetAsync("/api/auth/list-sessions")).ShouldBe(HttpStatusCode.OK);

        Assert.Equal(2, sessions.GetArrayLength());
        Assert.Contains(sessions.EnumerateArray(), s => s.GetProperty("token").GetString() == first.SessionToken);
        Assert.All(sessions.EnumerateArray(), s => Assert.Equal("AuthTests/1.0", s.GetProperty("userAgent").GetString()));
    }

    [Fact]
    public async Task Revoke_session_by_token_or_listed_id_ends_only_that_session()
    {
        var (first, second, email) = await TwoSessionsAsync();

        Assert.Equal("""{"status":true}""", (await (await first.PostAsync("/api/auth/revoke-session", new { token = second.SessionToken })).ShouldBe(HttpStatusCode.OK)).GetRawText());
        Assert.Equal("null", await (await second.GetAsync("/api/auth/get-session")).Content.ReadAsStringAsync());
        Assert.NotEqual("null", await (await first.GetAsync("/api/auth/get-session")).Content.ReadAsStringAsync());

        var third = new AuthClient(Api);
        await (await third.PostAsync("/api/auth/sign-in/email", new { email, password = AuthClient.Password })).ShouldBe(HttpStatusCode.OK);
        var listed = await (await first.GetAsync("/api/auth/list-sessions")).ShouldBe(HttpStatusCode.OK);
        var otherId = listed.EnumerateArray().Select(s => s.GetProperty("token").GetString()).Single(t => t != first.SessionToken);
        await (await first.PostAsync("/api/auth/revoke-session", new { token = otherId })).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("null", await (await third.GetAsync("/api/auth/get-session")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Nobody_can_revoke_another_users_session()
    {
        var (_, victim, _) = await TwoSessionsAsync();
        var attacker = new AuthClient(Api);
        await attacker.SignUpAsync();

        await (await attacker.PostAsync("/api/auth/revoke-session", new { token = victim.SessionToken })).ShouldBe(HttpStatusCode.OK);

        Assert.NotEqual("null", await (await victim.GetAsync("/api/auth/get-session")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Revoke_other_sessions_keeps_the_current_one()
    {
        var (first, second, _) = await TwoSessionsAsync();

        await (await first.PostAsync("/api/auth/revoke-other-sessions")).ShouldBe(HttpStatusCode.OK);

        Assert.Equal("null", await (await second.GetAsync("/api/auth/get-session")).Content.ReadAsStringAsync());
        Assert.Equal(1, (await (await first.GetAsync("/api/auth/list-sessions")).ShouldBe(HttpStatusCode.OK)).GetArrayLength());
    }

    [Fact]
    public async Task Revoke_sessions_ends_all_of_them()
    {
        var (first, second, _) = await TwoSessionsAsync();

        await (await first.PostAsync("/api/auth/revoke-sessions")).ShouldBe(HttpStatusCode.OK);

        Assert.Equal("null", await (await second.GetAsync("/api/auth/get-session")).Content.ReadAsStringAsync());
        Assert.Null(first.SessionCookie);
    }

    [Fact]
    public async Task Update_user_changes_name_image_and_username_but_never_the_email()
    {
        var client = new AuthClient(Api);
        await client.SignUpAsync();
        var username = AuthClient.UniqueUsername("Nuevo");

        Assert.Equal("""{"status":true}""", (await (await client.PostAsync("/api/auth/update-user",
            new { name = "Renombrada", image = "https://example.com/a.png", username })).ShouldBe(HttpStatusCode.OK)).GetRawText());

        var user = (await (await client.GetAsync("/api/auth/get-session")).ShouldBe(HttpStatusCode.OK)).GetProperty("user");
        Assert.Equal("Renombrada", user.GetProperty("name").GetString());
        Assert.Equal("https://example.com/a.png", user.GetProperty("image").GetString());
        Assert.Equal(username.ToLowerInvariant(), user.GetProperty("username").GetString());
        Assert.Equal(username, user.GetProperty("displayUsername").GetString());

        var email = await (await client.PostAsync("/api/auth/update-user", new { email = AuthClient.UniqueEmail() })).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal("EMAIL_CAN_NOT_BE_UPDATED", email.GetProperty("code").GetString());
        var empty = await (await client.PostAsync("/api/auth/update-user", new { })).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal("NO_FIELDS_TO_UPDATE", empty.GetProperty("code").GetString());
        var invalid = await (await client.PostAsync("/api/auth/update-user", new { username = "no vale!" })).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal("INVALID_USERNAME", invalid.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Update_user_to_a_taken_username_is_a_400()
    {
        var taken = AuthClient.UniqueUsername();
        await new AuthClient(Api).SignUpAsync(username: taken);
        var client = new AuthClient(Api);
        await client.SignUpAsync();

        var body = await (await client.PostAsync("/api/auth/update-user", new { username = taken.ToUpperInvariant() })).ShouldBe(HttpStatusCode.BadRequest);

        Assert.Equal("USERNAME_IS_ALREADY_TAKEN", body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Is_username_available_answers_both_ways()
    {
        var taken = AuthClient.UniqueUsername();
        await new AuthClient(Api).SignUpAsync(username: taken);

        Assert.Equal("""{"available":false}""", (await (await new AuthClient(Api).PostAsync("/api/auth/is-username-available", new { username = taken.ToUpperInvariant() })).ShouldBe(HttpStatusCode.OK)).GetRawText());
        Assert.Equal("""{"available":true}""", (await (await new AuthClient(Api).PostAsync("/api/auth/is-username-available", new { username = AuthClient.UniqueUsername() })).ShouldBe(HttpStatusCode.OK)).GetRawText());
    }

    [Fact]
    public async Task Change_password_checks_the_current_one_and_keeps_sessions_unless_asked()
    {
        var (first, second, email) = await TwoSessionsAsync();

        var wrong = await (await first.PostAsync("/api/auth/change-password", new { currentPassword = "not-it-123", newPassword = "N3w-staple-battery-horse" })).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal("INVALID_PASSWORD", wrong.GetProperty("code").GetString());
        var shortNew = await (await first.PostAsync("/api/auth/change-password", new { currentPassword = AuthClient.Password, newPassword = "short" })).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal("PASSWORD_TOO_SHORT", shortNew.GetProperty("code").GetString());

        var changed = await (await first.PostAsync("/api/auth/change-password", new { currentPassword = AuthClient.Password, newPassword = "N3w-staple-battery-horse", revokeOtherSessions = false })).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, changed.GetProperty("token").ValueKind);
        Assert.Equal(email, changed.GetProperty("user").GetProperty("email").GetString());
        Assert.NotEqual("null", await (await second.GetAsync("/api/auth/get-session")).Content.ReadAsStringAsync());
        await (await new AuthClient(Api).PostAsync("/api/auth/sign-in/email", new { email, password = "N3w-staple-battery-horse" })).ShouldBe(HttpStatusCode.OK);
        await (await new AuthClient(Api).PostAsync("/api/auth/sign-in/email", new { email, password = AuthClient.Password })).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Change_password_with_revoke_other_sessions_starts_a_new_session()
    {
        var (first, second, _) = await TwoSessionsAsync();
        var oldToken = first.SessionToken;

        var response = await first.PostAsync("/api/auth/change-password", new { currentPassword = AuthClient.Password, newPassword = "N3w-staple-battery-horse", revokeOtherSessions = true });

        var body = await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal(first.SessionToken, body.GetProperty("token").GetString());
        Assert.NotEqual(oldToken, first.SessionToken);
        Assert.Equal("null", await (await second.GetAsync("/api/auth/get-session")).Content.ReadAsStringAsync());
        Assert.NotEqual("null", await (await first.GetAsync("/api/auth/get-session")).Content.ReadAsStringAsync());
        await using var db = await Api.OpenDatabaseAsync();
        Assert.Equal(0, await db.ExecuteScalarAsync<int>("SELECT count(*) FROM sessions WHERE token_hash = sha256(convert_to(@t, 'UTF8'))", new { t = oldToken }));
    }
}
