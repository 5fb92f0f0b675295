namespace Waitlist.Tests.Features.Auth;

public sealed class OriginCheckTests(ApiFixture fixture) : ApiTests<ApiFixture>(fixture)
{
    [Fact]
    public async Task A_cookie_bearing_post_without_origin_is_refused()
    {
        var client = new AuthClient(Api);
        await client.SignUpAsync();
        client.Origin = null;

        var body = await (await client.PostAsync("/api/auth/sign-out")).ShouldBe(HttpStatusCode.Forbidden);

        Assert.Equal("MISSING_OR_NULL_ORIGIN", body.GetProperty("code").GetString());
        client.Origin = AuthClient.TrustedOrigin;
        await (await client.GetAsync("/api/auth/list-sessions")).ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("null", "MISSING_OR_NULL_ORIGIN")]
    [InlineData("https://evil.example", "INVALID_ORIGIN")]
    [InlineData("http://localhost:4001", "INVALID_ORIGIN")]
    public async Task A_cookie_bearing_post_from_an_untrusted_origin_is_refused(string origin, string code)
    {
        var client = new AuthClient(Api);
        await client.SignUpAsync();
        client.Origin = origin;

        var body = await (await client.PostAsync("/api/auth/sign-out")).ShouldBe(HttpStatusCode.Forbidden);

        Assert.Equal(code, body.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task A_trusted_referer_stands_in_for_a_missing_origin()
    {
        var client = new AuthClient(Api);
        await client.SignUpAsync();
        client.Origin = null;
        client.Referer = "https://evil.example/page";
        await (await client.PostAsync("/api/auth/sign-out")).ShouldBe(HttpStatusCode.Forbidden);

        client.Referer = "http://localhost:4000/panel";
        await (await client.PostAsync("/api/auth/sign-out")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Requests_without_cookie_or_origin_pass()
    {
        var client = new AuthClient(Api, origin: null);

        await client.SignUpAsync();
    }

    [Fact]
    public async Task Configured_trusted_origins_are_accepted_in_both_spellings()
    {
        await using var api = await ApiFactory.StartAsync(new Dictionary<string, string?>
        {
            ["Auth:TrustedOrigins"] = "https://app.example.com, https://*.preview.example.com",
        });
        foreach (var origin in new[] { "https://app.example.com", "https://pr-7.preview.example.com", "http://localhost:4000" })
        {
            var client = new AuthClient(api, origin: origin);
            await client.SignUpAsync();
            await (await client.PostAsync("/api/auth/sign-out")).ShouldBe(HttpStatusCode.OK);
        }

        var evil = new AuthClient(api, origin: "https://app.example.com.evil.example");
        await evil.SignUpAsync();
        await (await evil.PostAsync("/api/auth/sign-out")).ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_check_covers_every_feature_in_its_error_shape()
    {
        var client = new AuthClient(Api, origin: "https://evil.example");
        client.Cookies["better-auth.session_token"] = "anything";

        var body = await (await client.PostAsync("/api/waitlist", new { })).ShouldBe(HttpStatusCode.Forbidden);

        Assert.Equal("INVALID_ORIGIN", body.GetProperty("code").GetString());
        Assert.Equal("El origen de la petición no es de confianza.", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Get_requests_are_not_checked()
    {
        var client = new AuthClient(Api, origin: "https://evil.example");
        await client.SignUpAsync();

        await (await client.GetAsync("/api/auth/list-sessions")).ShouldBe(HttpStatusCode.OK);
    }
}
