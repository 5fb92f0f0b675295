namespace Waitlist.Tests.Features.Auth;

public sealed class AuthConfigurationTests
{
    [Theory]
    [InlineData("Production", "")]
    [InlineData("Production", "too-short-secret")]
    [InlineData("Testing", "")]
    public async Task Outside_development_the_api_refuses_to_start_without_a_32_character_secret(string environment, string secret)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var api = await ApiFactory.StartAsync(new Dictionary<string, string?> { ["environment"] = environment, ["Auth:Secret"] = secret });
        });

        Assert.Contains("Auth:Secret", error.ToString());
    }

    [Fact]
    public async Task Development_falls_back_to_a_fixed_secret()
    {
        await using var api = await ApiFactory.StartAsync(new Dictionary<string, string?> { ["environment"] = "Development", ["Auth:Secret"] = "" });

        await new AuthClient(api).SignUpAsync();
    }

    [Fact]
    public async Task An_https_base_url_gives_secure_prefixed_cookies()
    {
        await using var api = await ApiFactory.StartAsync(new Dictionary<string, string?> { ["Auth:BaseUrl"] = "https://api.example.com" });
        var client = new AuthClient(api, origin: "https://api.example.com");

        var response = await client.PostAsync("/api/auth/sign-up/email", new { name = "Ana", email = AuthClient.UniqueEmail(), password = AuthClient.Password });

        await response.ShouldBe(HttpStatusCode.OK);
        var cookie = Assert.Single(AuthClient.SetCookies(response));
        Assert.StartsWith("__Secure-better-auth.session_token=", cookie);
        Assert.EndsWith("; Secure", cookie);
        var session = await (await client.GetAsync("/api/auth/get-session")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(System.Text.Json.JsonValueKind.Object, session.ValueKind);
    }
}
