using System.Text.RegularExpressions;

namespace Waitlist.Tests.Features.Auth;

public sealed partial class PasswordResetTests(ApiFixture fixture) : ApiTests<ApiFixture>(fixture)
{
    [GeneratedRegex(@"token=([A-Za-z0-9%._-]+)")]
    private static partial Regex TokenInLink();

    private const string Subject = "Restablece tu contraseña";

    /// <summary>Asks for a reset of <paramref name="email"/>'s password and returns the token the email carries.</summary>
    private async Task<string> ResetTokenAsync(string email)
    {
        await (await new AuthClient(Api).PostAsync("/api/auth/request-password-reset", new { email, redirectTo = "/reset-password" })).ShouldBe(HttpStatusCode.OK);
        return Uri.UnescapeDataString(TokenInLink().Match(await Api.LatestEmailAsync(email, Subject)).Groups[1].Value);
    }

    [Theory]
    [InlineData("/api/auth/request-password-reset")]
    [InlineData("/api/auth/forget-password")]
    public async Task Known_and_unknown_emails_get_the_same_answer_and_only_a_known_one_gets_mail(string path)
    {
        var email = await AuthClient.NewAccountAsync(Api);
        var unknown = AuthClient.UniqueEmail("nadie");

        var known = await (await new AuthClient(Api).PostAsync(path, new { email = email.ToUpperInvariant(), redirectTo = "http://localhost:4000/reset-password" })).ShouldBe(HttpStatusCode.OK);
        var other = await (await new AuthClient(Api).PostAsync(path, new { email = unknown, redirectTo = "http://localhost:4000/reset-password" })).ShouldBe(HttpStatusCode.OK);

        Assert.Equal(known.GetRawText(), other.GetRawText());
        Assert.True(known.GetProperty("status").GetBoolean());
        Assert.StartsWith("Si este correo", known.GetProperty("message").GetString());
        Assert.Contains("http://localhost:4000/reset-password?token=", await Api.LatestEmailAsync(email, Subject));
        await using var db = await Api.OpenDatabaseAsync();
        Assert.Equal(0, await db.ExecuteScalarAsync<int>("SELECT count(*) FROM email_outbox WHERE to_address = @unknown", new { unknown }));
        Assert.Equal(1, await db.ExecuteScalarAsync<int>("SELECT count(*) FROM verifications v JOIN users u ON u.id = v.user_id WHERE u.email = @email AND v.purpose = 'reset-password' AND v.expires_at BETWEEN now() + interval '59 minutes' AND now() + interval '61 minutes'", new { email }));
    }

    [Fact]
    public async Task The_token_resets_the_password_once_and_ends_every_session()
    {
        var email = AuthClient.UniqueEmail();
        var client = new AuthClient(Api);
        await client.SignUpAsync(email);
        await (await client.GetAsync("/api/auth/get-session")).ShouldBe(HttpStatusCode.OK); // now in the session cache
        var token = await ResetTokenAsync(email);

        Assert.Equal("""{"status":true}""", (await (await new AuthClient(Api).PostAsync("/api/auth/reset-password", new { token, newPassword = "N3w-staple-battery-horse" })).ShouldBe(HttpStatusCode.OK)).GetRawText());

        Assert.Equal("null", await (await client.GetAsync("/api/auth/get-session")).Content.ReadAsStringAsync());
        await (await new AuthClient(Api).PostAsync("/api/auth/sign-in/email", new { email, password = "N3w-staple-battery-horse" })).ShouldBe(HttpStatusCode.OK);
        var again = await (await new AuthClient(Api).PostAsync("/api/auth/reset-password", new { token, newPassword = "Otra-clave-larga-1" })).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal("INVALID_TOKEN", again.GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_link_keeps_the_token_in_the_query_when_the_page_has_a_fragment()
    {
        var email = await AuthClient.NewAccountAsync(Api);

        await (await new AuthClient(Api).PostAsync("/api/auth/request-password-reset", new { email, redirectTo = "http://localhost:4000/cuenta?paso=2#nueva-clave" })).ShouldBe(HttpStatusCode.OK);

        Assert.Matches(@"http://localhost:4000/cuenta\?paso=2&token=[^\s#]+#nueva-clave", await Api.LatestEmailAsync(email, Subject));
    }

    [Theory]
    [InlineData("/api/auth/request-password-reset", """{"email":"a@example.com","redirectTo":"https://evil.example/reset"}""", HttpStatusCode.Forbidden, "INVALID_REDIRECT_URL")]
    [InlineData("/api/auth/reset-password", """{"token":"not-a-token","newPassword":"N3w-staple-battery-horse"}""", HttpStatusCode.BadRequest, "INVALID_TOKEN")]
    [InlineData("/api/auth/reset-password", """{"token":"abc.def","newPassword":"N3w-staple-battery-horse"}""", HttpStatusCode.BadRequest, "INVALID_TOKEN")]
    [InlineData("/api/auth/reset-password", """{"token":"","newPassword":"N3w-staple-battery-horse"}""", HttpStatusCode.BadRequest, "INVALID_TOKEN")]
    // The new password is checked before the token.
    [InlineData("/api/auth/reset-password", """{"token":"x","newPassword":"short"}""", HttpStatusCode.BadRequest, "PASSWORD_TOO_SHORT")]
    public async Task A_request_that_cannot_be_acted_on_is_refused_with_its_code(string path, string json, HttpStatusCode status, string code)
    {
        var body = await (await new AuthClient(Api).PostRawAsync(path, json)).ShouldBe(status);
        Assert.Equal(code, body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        var email = await AuthClient.NewAccountAsync(Api);
        var token = await ResetTokenAsync(email);
        await using (var db = await Api.OpenDatabaseAsync())
            await db.ExecuteAsync("UPDATE verifications SET expires_at = now() - interval '1 second' WHERE purpose = 'reset-password'");

        var body = await (await new AuthClient(Api).PostAsync("/api/auth/reset-password", new { token, newPassword = "N3w-staple-battery-horse" })).ShouldBe(HttpStatusCode.BadRequest);

        Assert.Equal("INVALID_TOKEN", body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_fourth_request_in_a_minute_is_a_429()
    {
        var ip = TestIps.Unique();
        for (var i = 0; i < 3; i++)
            await (await new AuthClient(Api, ip: ip).PostAsync("/api/auth/request-password-reset", new { email = "a@example.com" })).ShouldBe(HttpStatusCode.OK);

        var response = await new AuthClient(Api, ip: ip).PostAsync("/api/auth/request-password-reset", new { email = "a@example.com" });

        await response.ShouldBe(HttpStatusCode.TooManyRequests);
        Assert.InRange(int.Parse(response.Header("X-Retry-After")), 1, 60);
    }
}
