namespace Waitlist.Tests.Features.Auth;

public sealed class SessionTests(ApiFixture fixture) : ApiTests<ApiFixture>(fixture)
{
    /// <summary>A freshly signed-up client after <paramref name="change"/> (a DELETE or an UPDATE of sessions) has run on its session's row.</summary>
    private async Task<AuthClient> SignedUpThenAsync(string change)
    {
        var client = new AuthClient(Api);
        await client.SignUpAsync();
        await using var db = await Api.OpenDatabaseAsync();
        await db.ExecuteAsync($"{change} WHERE token_hash = sha256(convert_to(@t, 'UTF8'))", new { t = client.SessionToken });
        return client;
    }

    [Fact]
    public async Task Get_session_without_a_cookie_is_200_null_and_not_cached()
    {
        var response = await new AuthClient(Api).GetAsync("/api/auth/get-session");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("null", await response.Content.ReadAsStringAsync());
        Assert.Equal("no-store", response.Header("Cache-Control"));
    }

    [Theory]
    [InlineData("/api/auth/get-session")]
    [InlineData("/api/auth/session")]
    public async Task Get_session_answers_the_session_and_the_user(string path)
    {
        var client = new AuthClient(Api);
        var signedUp = await client.SignUpAsync();

        var body = await (await client.GetAsync(path)).ShouldBe(HttpStatusCode.OK);

        var session = body.GetProperty("session");
        Assert.Equal(client.SessionToken, session.GetProperty("token").GetString());
        Assert.Equal(signedUp.GetProperty("user").GetProperty("id").GetString(), session.GetProperty("userId").GetString());
        Assert.Equal("AuthTests/1.0", session.GetProperty("userAgent").GetString());
        Assert.Equal(JsonValueKind.Null, session.GetProperty("impersonatedBy").ValueKind);
        Assert.False(session.TryGetProperty("rememberMe", out _));
        Assert.InRange(session.GetProperty("expiresAt").GetDateTime(), DateTime.UtcNow.AddDays(6.9), DateTime.UtcNow.AddDays(7.1));
        Assert.Equal(signedUp.GetProperty("user").GetRawText(), body.GetProperty("user").GetRawText());
    }

    [Fact]
    public async Task The_session_records_the_client_ip_after_forwarded_headers()
    {
        var ip = TestIps.Unique();
        var client = new AuthClient(Api, ip: ip);
        await client.SignUpAsync();

        var body = await (await client.GetAsync("/api/auth/get-session")).ShouldBe(HttpStatusCode.OK);

        Assert.Equal(ip, body.GetProperty("session").GetProperty("ipAddress").GetString());
    }

    [Fact]
    public async Task Tokens_are_stored_only_as_their_sha256()
    {
        var client = new AuthClient(Api);
        await client.SignUpAsync();

        await using var db = await Api.OpenDatabaseAsync();
        var stored = await db.ExecuteScalarAsync<int>("SELECT count(*) FROM sessions WHERE token_hash = sha256(convert_to(@t, 'UTF8'))", new { t = client.SessionToken });
        Assert.Equal(1, stored);
        var anyPlain = await db.ExecuteScalarAsync<int>("SELECT count(*) FROM sessions WHERE position(convert_to(@t, 'UTF8') in token_hash) > 0 OR id = @t", new { t = client.SessionToken });
        Assert.Equal(0, anyPlain);
    }

    [Theory]
    [InlineData("unsigned")]
    [InlineData("tampered")]
    [InlineData("other-secret")]
    public async Task A_cookie_that_is_not_correctly_signed_is_no_session(string how)
    {
        var client = new AuthClient(Api);
        await client.SignUpAsync();
        var token = client.SessionToken;
        client.Cookies["better-auth.session_token"] = how switch
        {
            "unsigned" => token,
            "tampered" => Uri.EscapeDataString(token[..^1] + (token[^1] == 'a' ? 'b' : 'a') + "." + Uri.UnescapeDataString(client.SessionCookie!).Split('.')[1]),
            _ => Uri.EscapeDataString(token + "." + Convert.ToBase64String(System.Security.Cryptography.HMACSHA256.HashData(
                "another-secret-of-at-least-32-characters"u8.ToArray(), System.Text.Encoding.UTF8.GetBytes(token)))),
        };

        var response = await client.GetAsync("/api/auth/get-session");

        Assert.Equal("null", await response.Content.ReadAsStringAsync());
        await (await client.GetAsync("/api/auth/list-sessions")).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_cookie_of_a_deleted_session_is_null_and_cleared()
    {
        var client = await SignedUpThenAsync("DELETE FROM sessions");

        var response = await client.GetAsync("/api/auth/get-session");

        Assert.Equal("null", await response.Content.ReadAsStringAsync());
        var cleared = AuthClient.SetCookies(response);
        Assert.Contains("better-auth.session_token=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax", cleared);
        Assert.Contains(cleared, c => c.StartsWith("better-auth.session_data=; Max-Age=0"));
    }

    [Fact]
    public async Task An_expired_session_is_no_session()
    {
        var client = await SignedUpThenAsync("UPDATE sessions SET expires_at = now() - interval '1 second'");

        Assert.Equal("null", await (await client.GetAsync("/api/auth/get-session")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_session_older_than_a_day_slides_to_seven_days_with_a_fresh_cookie()
    {
        var client = await SignedUpThenAsync("UPDATE sessions SET expires_at = now() + interval '5 days', updated_at = now() - interval '2 days'");

        var response = await client.GetAsync("/api/auth/get-session");

        var body = await response.ShouldBe(HttpStatusCode.OK);
        Assert.InRange(body.GetProperty("session").GetProperty("expiresAt").GetDateTime(), DateTime.UtcNow.AddDays(6.9), DateTime.UtcNow.AddDays(7.1));
        Assert.Contains(AuthClient.SetCookies(response), c => c.StartsWith("better-auth.session_token=") && c.Contains("Max-Age=604800"));
        await using var db = await Api.OpenDatabaseAsync();
        var expires = await db.ExecuteScalarAsync<DateTime>("SELECT expires_at FROM sessions WHERE token_hash = sha256(convert_to(@t, 'UTF8'))", new { t = client.SessionToken });
        Assert.True(expires > DateTime.UtcNow.AddDays(6.9));

        // A fresh session is not rewritten on every call.
        Assert.Empty(AuthClient.SetCookies(await client.GetAsync("/api/auth/get-session")));
    }

    [Fact]
    public async Task Get_session_is_not_rate_limited()
    {
        var client = new AuthClient(Api);
        await client.SignUpAsync();

        for (var i = 0; i < 30; i++)
            await (await client.GetAsync("/api/auth/get-session")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Sign_out_deletes_the_session_and_clears_the_cookies()
    {
        var client = new AuthClient(Api);
        await client.SignUpAsync();
        var token = client.SessionToken;
        var cookie = client.SessionCookie!;

        var response = await client.PostAsync("/api/auth/sign-out");

        Assert.Equal("""{"success":true}""", (await response.ShouldBe(HttpStatusCode.OK)).GetRawText());
        Assert.Contains("better-auth.session_token=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax", AuthClient.SetCookies(response));
        await using var db = await Api.OpenDatabaseAsync();
        Assert.Equal(0, await db.ExecuteScalarAsync<int>("SELECT count(*) FROM sessions WHERE token_hash = sha256(convert_to(@t, 'UTF8'))", new { t = token }));
        client.Cookies["better-auth.session_token"] = cookie;
        Assert.Equal("null", await (await client.GetAsync("/api/auth/get-session")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Sign_out_without_a_session_is_a_400()
    {
        var body = await (await new AuthClient(Api).PostAsync("/api/auth/sign-out")).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal("FAILED_TO_GET_SESSION", body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Ok_answers_ok()
    {
        Assert.Equal("""{"ok":true}""", (await (await new AuthClient(Api).GetAsync("/api/auth/ok")).ShouldBe(HttpStatusCode.OK)).GetRawText());
    }

    [Fact]
    public async Task Only_the_exact_cookie_name_carries_a_session()
    {
        var client = new AuthClient(Api);
        await client.SignUpAsync();
        var cookie = client.SessionCookie!;
        var shouting = new AuthClient(Api, origin: null);
        shouting.Cookies["BETTER-AUTH.SESSION_TOKEN"] = cookie;

        var session = await shouting.GetAsync("/api/auth/get-session");
        var update = await shouting.PostAsync("/api/auth/update-user", new { name = "Mallory" });

        Assert.Equal("null", await session.Content.ReadAsStringAsync());
        await update.ShouldBe(HttpStatusCode.Unauthorized);
        await using var db = await Api.OpenDatabaseAsync();
        Assert.Equal(0, await db.ExecuteScalarAsync<long>("SELECT count(*) FROM users WHERE name = 'Mallory'"));
    }
}
