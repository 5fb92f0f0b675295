using System.Text.RegularExpressions;

namespace Waitlist.Tests.Features.Auth;

public sealed partial class VerifyEmailTests(ApiFixture fixture) : ApiTests<ApiFixture>(fixture)
{
    [GeneratedRegex(@"(/api/auth/verify-email\?token=[^\s""]+)")]
    private static partial Regex Link();

    private async Task<string> EmailedLinkAsync(string email) =>
        Link().Match(await Api.LatestEmailAsync(email, "Confirma tu correo electrónico")).Groups[1].Value;

    private async Task<bool> VerifiedAsync(string email)
    {
        await using var db = await Api.OpenDatabaseAsync();
        return await db.ExecuteScalarAsync<bool>("SELECT email_verified FROM users WHERE email = @email", new { email });
    }

    [Fact]
    public async Task The_sign_up_link_verifies_the_email_once()
    {
        var email = AuthClient.UniqueEmail();
        var client = new AuthClient(Api);
        await client.SignUpAsync(email);
        var link = await EmailedLinkAsync(email);
        var before = await (await client.GetAsync("/api/auth/get-session")).ShouldBe(HttpStatusCode.OK); // now in the session cache
        Assert.False(before.GetProperty("user").GetProperty("emailVerified").GetBoolean());

        Assert.Equal("""{"status":true}""", (await (await new AuthClient(Api).GetAsync(link)).ShouldBe(HttpStatusCode.OK)).GetRawText());
        Assert.True(await VerifiedAsync(email));
        var after = await (await client.GetAsync("/api/auth/get-session")).ShouldBe(HttpStatusCode.OK);
        Assert.True(after.GetProperty("user").GetProperty("emailVerified").GetBoolean());

        var again = await (await new AuthClient(Api).GetAsync(link)).ShouldBe(HttpStatusCode.Unauthorized);
        Assert.Equal("INVALID_TOKEN", again.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Send_verification_email_sends_a_link_that_redirects_to_the_callback()
    {
        var email = await AuthClient.NewAccountAsync(Api);

        await (await new AuthClient(Api).PostAsync("/api/auth/send-verification-email", new { email, callbackURL = "http://localhost:4000/verificado" })).ShouldBe(HttpStatusCode.OK);
        var response = await new AuthClient(Api).GetAsync(await EmailedLinkAsync(email));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("http://localhost:4000/verificado", response.Headers.Location!.ToString());
        Assert.True(await VerifiedAsync(email));
    }

    [Fact]
    public async Task Send_verification_email_answers_the_same_for_unknown_emails()
    {
        var body = await (await new AuthClient(Api).PostAsync("/api/auth/send-verification-email", new { email = AuthClient.UniqueEmail("nadie") })).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("""{"status":true}""", body.GetRawText());
    }

    [Fact]
    public async Task A_forged_token_redirects_with_an_error_or_answers_401()
    {
        var response = await new AuthClient(Api).GetAsync("/api/auth/verify-email?token=forged.AAAA&callbackURL=%2Fpanel");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/panel?error=INVALID_TOKEN", response.Headers.Location!.ToString());

        await (await new AuthClient(Api).GetAsync("/api/auth/verify-email")).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Verifying_an_address_listed_in_auth_admin_emails_makes_the_first_admin()
    {
        var email = AuthClient.UniqueEmail("operadora");
        await using var api = await ApiFactory.StartAsync(new Dictionary<string, string?> { ["Auth:AdminEmails:0"] = email });
        await new AuthClient(api).SignUpAsync(email);
        var text = await api.LatestEmailAsync(email);
        await using var db = await api.OpenDatabaseAsync();
        Assert.Equal("user", await db.ExecuteScalarAsync<string>("SELECT role FROM users WHERE email = @email", new { email }));

        await (await new AuthClient(api).GetAsync(Link().Match(text).Groups[1].Value)).ShouldBe(HttpStatusCode.OK);

        Assert.Equal("admin", await db.ExecuteScalarAsync<string>("SELECT role FROM users WHERE email = @email", new { email }));
    }

    [Theory]
    [InlineData("%2Fpanel%2Fni%C3%B1o")]
    [InlineData("%2Fa%0D%0ASet-Cookie%3A%20x%3D1")]
    [InlineData("http%3A%2F%2Flocalhost%3A4000%2Fa%20b")]
    [InlineData("https%3A%2F%2Fevil.example")]
    public async Task A_callback_untrusted_or_not_a_well_formed_url_is_a_403_and_leaves_the_token_unused(string callback)
    {
        var email = await AuthClient.NewAccountAsync(Api);
        var link = await EmailedLinkAsync(email);

        var body = await (await new AuthClient(Api).GetAsync($"{link}&callbackURL={callback}")).ShouldBe(HttpStatusCode.Forbidden);

        Assert.Equal("INVALID_CALLBACK_URL", body.GetProperty("code").GetString());
        Assert.False(await VerifiedAsync(email));
        await (await new AuthClient(Api).GetAsync(link)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_expired_verification_token_is_refused()
    {
        var email = await AuthClient.NewAccountAsync(Api);
        var link = await EmailedLinkAsync(email);
        await using (var db = await Api.OpenDatabaseAsync())
            await db.ExecuteAsync("UPDATE verifications SET expires_at = now() - interval '1 second' FROM users WHERE users.id = verifications.user_id AND users.email = @email", new { email });

        await (await new AuthClient(Api).GetAsync(link)).ShouldBe(HttpStatusCode.Unauthorized);
        Assert.False(await VerifiedAsync(email));
    }
}
