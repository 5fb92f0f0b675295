using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Waitlist.Tests.Features.Auth.Tokens;

/// <summary>
/// /api/token/login, refresh and logout: the token API's envelope and errors, ES256 access tokens that other services
/// can verify from /api/auth/jwks, and bearer access tokens working wherever a session does.
/// </summary>
public sealed class TokenTests(ApiFixture fixture) : ApiTests<ApiFixture>(fixture)
{
    [Fact]
    public async Task Login_answers_an_es256_access_token_that_the_jwks_verifies_and_a_refresh_token()
    {
        var browser = new AuthClient(Api);
        var email = AuthClient.UniqueEmail();
        var userId = (await browser.SignUpAsync(email)).GetProperty("user").Text("id");

        var response = await Api.ClientFrom(TestIps.Unique()).PostAsJsonAsync("/api/token/login", new { email = email.ToUpperInvariant(), password = AuthClient.Password });

        var body = await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal(["status", "data"], body.EnumerateObject().Select(p => p.Name));
        var data = body.GetProperty("data");
        Assert.Equal(["access_token", "refresh_token", "token_type", "expires_in", "user"], data.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("bearer", 3600, userId), (data.Text("token_type"), data.GetProperty("expires_in").GetInt32(), data.GetProperty("user").Text("id")));

        var token = new JsonWebToken(data.Text("access_token"));
        Assert.Equal(("ES256", "at+jwt"), (token.Alg, token.Typ));
        Assert.Equal(["aud", "email", "exp", "iat", "iss", "jti", "role", "sub"], token.Claims.Select(c => c.Type).Distinct().Order());
        Assert.Equal((userId, email, "user"), (token.Subject, token.GetClaim("email").Value, token.GetClaim("role").Value));
        Assert.Equal(TimeSpan.FromHours(1), token.ValidTo - token.IssuedAt);

        var jwksResponse = await Api.CreateClient().GetAsync("/api/auth/jwks");
        var jwks = await jwksResponse.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("public, max-age=300", jwksResponse.Headers.CacheControl?.ToString());
        var keys = new JsonWebKeySet(jwks.GetRawText());
        Assert.All(keys.Keys, key => Assert.Equal(("EC", "P-256", "ES256", "sig", null), (key.Kty, key.Crv, key.Alg, key.Use, key.D)));
        var issuer = Api.Services.GetRequiredService<global::Waitlist.Features.Auth.AuthOptions>().PublicOrigin;
        var verified = await new JsonWebTokenHandler().ValidateTokenAsync(data.Text("access_token"), new TokenValidationParameters
        {
            IssuerSigningKeys = keys.GetSigningKeys(), ValidIssuer = issuer, ValidAudience = issuer, ValidTypes = ["at+jwt"],
        });
        Assert.True(verified.IsValid, verified.Exception?.Message);
    }

    [Fact]
    public async Task An_access_token_works_wherever_a_session_does_with_the_accounts_current_role_and_a_missing_role_is_told_in_the_token_format()
    {
        var (browser, tokens) = await Api.TokenLoginAsAsync("user");
        var client = Api.WithAccessToken(tokens.Text("access_token"));

        var me = await (await client.GetAsync("/api/user/me")).ShouldBe(HttpStatusCode.OK);
        var forbidden = await (await client.GetAsync("/api/admin/users")).ShouldBe(HttpStatusCode.Forbidden);
        await using (var db = await Api.OpenDatabaseAsync())
        {
            var userId = await browser.UserIdAsync();
            await db.ExecuteAsync("UPDATE users SET role = 'staff' WHERE id = @userId", new { userId });
            await Api.ChangedByHandAsync(db, userId);
        }
        var promoted = await client.GetAsync("/api/admin/users");

        Assert.Equal(await browser.UserIdAsync(), me.GetProperty("user").Text("id"));
        Assert.Equal(("error", "FORBIDDEN"), (forbidden.Text("status"), forbidden.Text("code")));
        Assert.Equal(("staff", "user"), (forbidden.GetProperty("details").Text("required_role"), forbidden.GetProperty("details").Text("user_role")));
        await promoted.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_wrong_password_an_unknown_account_and_a_bad_body_answer_the_token_error_format()
    {
        var browser = new AuthClient(Api);
        var email = AuthClient.UniqueEmail();
        await browser.SignUpAsync(email);
        var client = Api.ClientFrom(TestIps.Unique());

        var wrong = await (await client.PostAsJsonAsync("/api/token/login", new { email, password = "wrong-password-1" })).ShouldBe(HttpStatusCode.Unauthorized);
        var unknown = await (await client.PostAsJsonAsync("/api/token/login", new { email = AuthClient.UniqueEmail(), password = AuthClient.Password })).ShouldBe(HttpStatusCode.Unauthorized);
        var invalid = await (await client.PostAsJsonAsync("/api/token/login", new { email = "no-es-un-correo" })).ShouldBe(HttpStatusCode.BadRequest);
        var malformed = await (await client.PostAsync("/api/token/refresh", new StringContent("{", System.Text.Encoding.UTF8, "application/json"))).ShouldBe(HttpStatusCode.BadRequest);

        Assert.Equal("""{"status":"error","code":"INVALID_CREDENTIALS","message":"Correo o contraseña incorrectos."}""", wrong.GetRawText());
        Assert.Equal(wrong.GetRawText(), unknown.GetRawText());
        Assert.Equal(("error", "VALIDATION_FAILED"), (invalid.Text("status"), invalid.Text("code")));
        Assert.Equal(["email:INVALID_EMAIL", "password:REQUIRED"], invalid.FieldErrors());
        Assert.Equal(("error", "INVALID_JSON"), (malformed.Text("status"), malformed.Text("code")));
    }

    [Fact]
    public async Task Login_counts_against_the_same_sign_in_limit_as_the_cookie_sign_in()
    {
        var browser = new AuthClient(Api);
        var email = AuthClient.UniqueEmail();
        await browser.SignUpAsync(email);
        var ip = TestIps.Unique();
        for (var i = 0; i < 5; i++)
            await Api.ClientFrom(ip).PostJsonAsync("/api/auth/sign-in/email", new { email, password = "wrong-password-1" });

        var response = await Api.ClientFrom(ip).PostJsonAsync("/api/token/login", new { email, password = AuthClient.Password });

        var body = await response.ShouldBe(HttpStatusCode.TooManyRequests);
        Assert.Equal(("error", "RATE_LIMITED"), (body.Text("status"), body.Text("code")));
        Assert.StartsWith("Demasiadas solicitudes.", body.Text("message"));
        Assert.NotNull(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task Without_rotation_one_refresh_token_keeps_working()
    {
        var (_, tokens) = await Api.TokenLoginAsAsync();

        var first = await (await Api.TokenRefreshAsync(tokens.Text("refresh_token"))).ShouldBe(HttpStatusCode.OK);
        var second = await (await Api.TokenRefreshAsync(tokens.Text("refresh_token"))).ShouldBe(HttpStatusCode.OK);

        Assert.Equal(["access_token", "token_type", "expires_in"], first.GetProperty("data").EnumerateObject().Select(p => p.Name));
        Assert.NotEqual(first.GetProperty("data").Text("access_token"), second.GetProperty("data").Text("access_token"));
        await (await Api.WithAccessToken(second.GetProperty("data").Text("access_token")).GetAsync("/api/user/me")).ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("not-a-refresh-token")]
    [InlineData("")]
    public async Task An_unknown_or_missing_refresh_token_is_refused(string refreshToken)
    {
        var response = await Api.TokenRefreshAsync(refreshToken);

        var body = await response.ShouldBe(refreshToken.Length == 0 ? HttpStatusCode.BadRequest : HttpStatusCode.Unauthorized);
        Assert.Equal(refreshToken.Length == 0 ? "VALIDATION_FAILED" : "INVALID_TOKEN", body.Text("code"));
    }

    [Fact]
    public async Task Logout_needs_the_access_token_revokes_the_login_and_refuses_the_access_token_until_it_expires()
    {
        var (_, tokens) = await Api.TokenLoginAsAsync();
        var (_, someoneElse) = await Api.TokenLoginAsAsync();
        var client = Api.WithAccessToken(tokens.Text("access_token"));
        var logout = new { refresh_token = tokens.Text("refresh_token") };

        var missing = await (await Api.ClientFrom(TestIps.Unique()).PostJsonAsync("/api/token/logout", logout)).ShouldBe(HttpStatusCode.Unauthorized);
        var apiKey = await (await Api.WithApiKey("x".PadRight(64, 'x'), asBearer: true).PostJsonAsync("/api/token/logout", logout)).ShouldBe(HttpStatusCode.Unauthorized);
        var notTheirs = await (await client.PostJsonAsync("/api/token/logout", new { refresh_token = someoneElse.Text("refresh_token") })).ShouldBe(HttpStatusCode.Unauthorized);
        var done = await (await client.PostJsonAsync("/api/token/logout", logout)).ShouldBe(HttpStatusCode.OK);

        Assert.Equal("""{"status":"error","code":"MISSING_AUTHORIZATION","message":"Falta la cabecera «Authorization: Bearer» con el token de acceso."}""", missing.GetRawText());
        Assert.Equal("INVALID_TOKEN", apiKey.Text("code"));
        Assert.Equal("INVALID_TOKEN", notTheirs.Text("code"));
        Assert.Equal("""{"status":"success","data":null}""", done.GetRawText());
        var refused = await (await client.GetAsync("/api/user/me")).ShouldBe(HttpStatusCode.Unauthorized);
        Assert.Equal("INVALID_TOKEN", refused.Text("code"));
        var refresh = await (await Api.TokenRefreshAsync(logout.refresh_token)).ShouldBe(HttpStatusCode.Unauthorized);
        Assert.Equal("INVALID_TOKEN", refresh.Text("code"));
        await (await Api.TokenRefreshAsync(someoneElse.Text("refresh_token"))).ShouldBe(HttpStatusCode.OK);
        await using var db = await Api.OpenDatabaseAsync();
        Assert.Equal(1, await db.ExecuteScalarAsync<long>("SELECT count(*) FROM revoked_access_tokens WHERE jti = @jti", new { jti = new JsonWebToken(tokens.Text("access_token")).Id }));
    }

    [Fact]
    public async Task A_token_signed_by_another_key_is_an_invalid_token()
    {
        var (_, tokens) = await Api.TokenLoginAsAsync();
        var genuine = new JsonWebToken(tokens.Text("access_token"));
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        string Forge(string keyId) => new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            TokenType = "at+jwt", Issuer = genuine.Issuer, Audience = genuine.Audiences.Single(), IssuedAt = genuine.IssuedAt, Expires = genuine.ValidTo,
            Claims = new Dictionary<string, object> { ["sub"] = genuine.Subject, ["email"] = genuine.GetClaim("email").Value, ["role"] = "admin", ["jti"] = Guid.NewGuid().ToString("N") },
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(otherKey) { KeyId = keyId }, SecurityAlgorithms.EcdsaSha256),
        });

        foreach (var forged in new[] { Forge(genuine.Kid), Forge("unknown-key"), tokens.Text("access_token")[..^4] + "AAAA" })
        {
            var api = await (await Api.WithAccessToken(forged).GetAsync("/api/admin/users")).ShouldBe(HttpStatusCode.Unauthorized);
            var token = await (await Api.WithAccessToken(forged).PostJsonAsync("/api/token/logout", new { refresh_token = tokens.Text("refresh_token") })).ShouldBe(HttpStatusCode.Unauthorized);
            Assert.Equal(("INVALID_TOKEN", "INVALID_TOKEN"), (api.Text("code"), token.Text("code")));
        }
    }

    [Fact]
    public async Task A_banned_accounts_access_and_refresh_tokens_stop_working_at_once()
    {
        var (browser, tokens) = await Api.TokenLoginAsAsync();
        var admin = await AuthClient.SignedInAsAsync(Api, "admin");
        var client = Api.WithAccessToken(tokens.Text("access_token"));
        await (await client.GetAsync("/api/user/me")).ShouldBe(HttpStatusCode.OK);

        await (await admin.PostAsync("/api/auth/admin/ban-user", new { userId = await browser.UserIdAsync() })).ShouldBe(HttpStatusCode.OK);

        var refused = await (await client.GetAsync("/api/user/me")).ShouldBe(HttpStatusCode.Unauthorized);
        var refresh = await (await Api.TokenRefreshAsync(tokens.Text("refresh_token")))
            .ShouldBe(HttpStatusCode.Unauthorized);
        Assert.Equal(("INVALID_TOKEN", "INVALID_TOKEN"), (refused.Text("code"), refresh.Text("code")));
    }

    [Fact]
    public async Task A_password_reset_ends_the_accounts_token_logins()
    {
        var (browser, tokens) = await Api.TokenLoginAsAsync();
        await (await browser.PostAsync("/api/auth/change-password", new
        {
            currentPassword = AuthClient.Password, newPassword = "N3w-staple-battery-horse", revokeOtherSessions = true,
        })).ShouldBe(HttpStatusCode.OK);

        var refresh = await (await Api.TokenRefreshAsync(tokens.Text("refresh_token")))
            .ShouldBe(HttpStatusCode.Unauthorized);

        Assert.Equal("INVALID_TOKEN", refresh.Text("code"));
    }

    [Fact]
    public async Task A_session_cookie_is_no_access_token_on_the_token_api()
    {
        var (browser, tokens) = await Api.TokenLoginAsAsync();

        var withCookie = await (await browser.PostAsync("/api/token/logout", new { refresh_token = tokens.Text("refresh_token") })).ShouldBe(HttpStatusCode.Unauthorized);

        Assert.Equal("MISSING_AUTHORIZATION", withCookie.Text("code"));
    }
}
