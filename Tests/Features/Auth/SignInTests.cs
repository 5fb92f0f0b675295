namespace Waitlist.Tests.Features.Auth;

public sealed class SignInTests(ApiFixture fixture) : ApiTests<ApiFixture>(fixture)
{
    [Fact]
    public async Task Signs_in_by_email_in_any_letter_case_with_a_7_day_cookie()
    {
        var email = await AuthClient.NewAccountAsync(Api);
        var client = new AuthClient(Api);

        var response = await client.PostAsync("/api/auth/sign-in/email", new { email = email.ToUpperInvariant(), password = AuthClient.Password });

        var body = await response.ShouldBe(HttpStatusCode.OK);
        Assert.False(body.GetProperty("redirect").GetBoolean());
        Assert.False(body.TryGetProperty("url", out _));
        Assert.Equal(email, body.GetProperty("user").GetProperty("email").GetString());
        Assert.Contains("Max-Age=604800", Assert.Single(AuthClient.SetCookies(response)));
        Assert.Equal(body.GetProperty("token").GetString(), client.SessionToken);
    }

    [Fact]
    public async Task Signs_in_by_username_case_insensitively()
    {
        var username = AuthClient.UniqueUsername();
        var signedUp = await new AuthClient(Api).SignUpAsync(username: username);

        var response = await new AuthClient(Api).PostAsync("/api/auth/sign-in/username", new { username = username.ToUpperInvariant(), password = AuthClient.Password });

        var body = await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal(signedUp.GetProperty("user").GetProperty("id").GetString(), body.GetProperty("user").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Remember_me_false_gives_a_browser_session_cookie_and_a_one_day_session()
    {
        var email = await AuthClient.NewAccountAsync(Api);
        var client = new AuthClient(Api);

        var response = await client.PostAsync("/api/auth/sign-in/email", new { email, password = AuthClient.Password, rememberMe = false });

        await response.ShouldBe(HttpStatusCode.OK);
        var cookies = AuthClient.SetCookies(response);
        var session = Assert.Single(cookies, c => c.StartsWith("better-auth.session_token="));
        Assert.DoesNotContain("Max-Age", session);
        Assert.Contains(cookies, c => c.StartsWith("better-auth.dont_remember="));
        await using var db = await Api.OpenDatabaseAsync();
        var expires = await db.ExecuteScalarAsync<DateTime>("SELECT expires_at FROM sessions WHERE token_hash = sha256(convert_to(@t, 'UTF8'))", new { t = client.SessionToken });
        Assert.InRange(expires, DateTime.UtcNow.AddHours(23), DateTime.UtcNow.AddHours(25));
    }

    [Fact]
    public async Task A_callback_url_is_echoed_as_a_redirect()
    {
        var email = await AuthClient.NewAccountAsync(Api);

        var response = await new AuthClient(Api).PostAsync("/api/auth/sign-in/email", new { email, password = AuthClient.Password, callbackURL = "/dashboard" });

        var body = await response.ShouldBe(HttpStatusCode.OK);
        Assert.True(body.GetProperty("redirect").GetBoolean());
        Assert.Equal("/dashboard", body.GetProperty("url").GetString());
    }

    [Fact]
    public async Task Wrong_password_and_unknown_account_get_the_same_answer()
    {
        var email = await AuthClient.NewAccountAsync(Api);

        var wrong = await new AuthClient(Api).PostAsync("/api/auth/sign-in/email", new { email, password = "wrong-password-1" });
        var unknown = await new AuthClient(Api).PostAsync("/api/auth/sign-in/email", new { email = AuthClient.UniqueEmail("nadie"), password = "wrong-password-1" });

        var expected = """{"code":"INVALID_EMAIL_OR_PASSWORD","message":"Correo o contraseña incorrectos."}""";
        Assert.Equal(expected, (await wrong.ShouldBe(HttpStatusCode.Unauthorized)).GetRawText());
        Assert.Equal(expected, (await unknown.ShouldBe(HttpStatusCode.Unauthorized)).GetRawText());
        Assert.Empty(AuthClient.SetCookies(unknown));
    }

    [Fact]
    public async Task Wrong_username_credentials_use_the_username_code()
    {
        var username = AuthClient.UniqueUsername();
        await new AuthClient(Api).SignUpAsync(username: username);

        var wrong = await (await new AuthClient(Api).PostAsync("/api/auth/sign-in/username", new { username, password = "wrong-password-1" })).ShouldBe(HttpStatusCode.Unauthorized);
        var unknown = await (await new AuthClient(Api).PostAsync("/api/auth/sign-in/username", new { username = "fantasma_x", password = "wrong-password-1" })).ShouldBe(HttpStatusCode.Unauthorized);

        Assert.Equal("INVALID_USERNAME_OR_PASSWORD", wrong.GetProperty("code").GetString());
        Assert.Equal(wrong.GetRawText(), unknown.GetRawText());
    }

    [Theory]
    [InlineData("""{"email":"not-an-email","password":"wrong-password-1"}""", "INVALID_EMAIL")]
    [InlineData("""{"email":"a@example.com"}""", "VALIDATION_ERROR")]
    [InlineData("""{"password":"x"}""", "VALIDATION_ERROR")]
    public async Task Invalid_sign_in_input_is_a_400(string json, string code)
    {
        var body = await (await new AuthClient(Api).PostRawAsync("/api/auth/sign-in/email", json)).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal(code, body.GetProperty("code").GetString());
    }

    /// <summary>A second API, differently configured, over the same database.</summary>
    internal static Task<ApiFactory> ApiFactoryOn(ApiFactory api, Dictionary<string, string?> settings)
    {
        var factory = new ApiFactory(api.ConnectionString, settings);
        factory.StartServer();
        return Task.FromResult(factory);
    }

    [Fact]
    public async Task A_banned_user_cannot_sign_in_and_an_expired_ban_lifts_itself()
    {
        var email = await AuthClient.NewAccountAsync(Api);
        await using var db = await Api.OpenDatabaseAsync();
        await db.ExecuteAsync("UPDATE users SET banned = true, ban_reason = 'spam' WHERE email = @email", new { email });

        var banned = await (await new AuthClient(Api).PostAsync("/api/auth/sign-in/email", new { email, password = AuthClient.Password })).ShouldBe(HttpStatusCode.Forbidden);
        Assert.Equal("BANNED_USER", banned.GetProperty("code").GetString());
        // A wrong password does not reveal the ban.
        await (await new AuthClient(Api).PostAsync("/api/auth/sign-in/email", new { email, password = "wrong-password-1" })).ShouldBe(HttpStatusCode.Unauthorized);

        await db.ExecuteAsync("UPDATE users SET ban_expires = now() - interval '1 minute' WHERE email = @email", new { email });
        var body = await (await new AuthClient(Api).PostAsync("/api/auth/sign-in/email", new { email, password = AuthClient.Password })).ShouldBe(HttpStatusCode.OK);
        Assert.False(body.GetProperty("user").GetProperty("banned").GetBoolean());
        Assert.False(await db.ExecuteScalarAsync<bool>("SELECT banned FROM users WHERE email = @email", new { email }));
    }

    [Fact]
    public async Task A_verified_admin_email_becomes_admin_at_sign_in_and_an_unverified_one_does_not()
    {
        var verified = AuthClient.UniqueEmail("jefe");
        var unverified = AuthClient.UniqueEmail("impostor");
        await new AuthClient(Api).SignUpAsync(verified);
        await new AuthClient(Api).SignUpAsync(unverified);
        await using (var db = await Api.OpenDatabaseAsync())
            await db.ExecuteAsync("UPDATE users SET email_verified = true WHERE email = @verified", new { verified });
        await using var api = await ApiFactoryOn(Api, new() { ["Auth:AdminEmails:0"] = verified, ["Auth:AdminEmails:1"] = unverified });

        var admin = await (await new AuthClient(api).PostAsync("/api/auth/sign-in/email", new { email = verified, password = AuthClient.Password })).ShouldBe(HttpStatusCode.OK);
        var user = await (await new AuthClient(api).PostAsync("/api/auth/sign-in/email", new { email = unverified, password = AuthClient.Password })).ShouldBe(HttpStatusCode.OK);

        Assert.Equal("admin", admin.GetProperty("user").GetProperty("role").GetString());
        Assert.Equal("user", user.GetProperty("user").GetProperty("role").GetString());
    }

    [Theory]
    [InlineData("/panel/niño")]
    [InlineData("/a\r\nX-Evil: 1")]
    [InlineData("/a\u2028b")]
    public async Task A_callback_url_that_could_not_be_a_header_is_refused_before_any_session_is_made(string callbackURL)
    {
        var email = await AuthClient.NewAccountAsync(Api);

        var body = await (await new AuthClient(Api).PostAsync("/api/auth/sign-in/email", new { email, password = AuthClient.Password, callbackURL }))
            .ShouldBe(HttpStatusCode.Forbidden);

        Assert.Equal("INVALID_CALLBACK_URL", body.GetProperty("code").GetString());
        await using var db = await Api.OpenDatabaseAsync();
        Assert.Equal(1, await db.ExecuteScalarAsync<int>("SELECT count(*) FROM sessions JOIN users ON users.id = sessions.user_id WHERE users.email = @email", new { email }));
    }

    [Fact]
    public async Task The_sixth_sign_in_in_a_minute_from_one_ip_is_a_429()
    {
        var ip = TestIps.Unique();
        for (var i = 0; i < 5; i++)
            await (await new AuthClient(Api, ip: ip).PostAsync("/api/auth/sign-in/email", new { email = "nadie@example.com", password = "wrong-password-1" }))
                .ShouldBe(HttpStatusCode.Unauthorized);

        var response = await new AuthClient(Api, ip: ip).PostAsync("/api/auth/sign-in/username", new { username = "nadie", password = "wrong-password-1" });

        await response.ShouldBe(HttpStatusCode.TooManyRequests);
        Assert.InRange(int.Parse(response.Header("X-Retry-After")), 1, 60);
    }
}
