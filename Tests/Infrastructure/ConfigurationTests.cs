namespace Waitlist.Tests.Infrastructure;

/// <summary>Settings are read one way — bound and validated at start-up — so a bad value stops the API with a message that names it.</summary>
public sealed class ConfigurationTests
{
    [Theory]
    [InlineData("RateLimits:waitlist:PermitLimit", "0", "RateLimits:waitlist: PermitLimit and WindowSeconds must be whole numbers above 0.")]
    [InlineData("Reports:TimeZone", "Marte/Base", "Reports:TimeZone: 'Marte/Base' is not a known time zone")]
    [InlineData("EmailOutbox:BatchSize", "0", "EmailOutbox:BatchSize must be between 1 and 100.")]
    [InlineData("Smtp:Port", "70000", "Smtp:Port must be between 1 and 65535.")]
    [InlineData("Smtp:From", "nadie", "Smtp:From: 'nadie' is not an email address")]
    [InlineData("Auth:BaseUrl", "localhost", "Auth:BaseUrl (BETTER_AUTH_URL) must be an absolute http(s) URL")]
    [InlineData("Waitlist:ArchiveAfterDays", "-1", "Waitlist:ArchiveAfterDays must be between 0 and 36500.")]
    [InlineData("Http:MaxRequestBodyBytes", "mucho", "Http:MaxRequestBodyBytes")]
    [InlineData("ForwardedHeaders:KnownProxies:0", "proxy.local", "ForwardedHeaders:KnownProxies: 'proxy.local' is not an IP address.")]
    [InlineData("RateLimits:Store", "Redis", "RateLimits:Store must be Postgres (counters shared by every instance) or Memory (this instance only), not 'Redis'.")]
    [InlineData("Auth:SessionCacheSeconds", "301", "Auth:SessionCacheSeconds must be between 0 and 300.")]
    public async Task A_bad_value_stops_start_up_and_names_the_setting(string key, string value, string message)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var api = await ApiFactory.StartAsync(new Dictionary<string, string?> { [key] = value });
        });

        Assert.Contains(message, error.ToString());
    }

    [Fact]
    public async Task A_list_setting_may_be_one_comma_separated_value()
    {
        await using var api = await ApiFactory.StartAsync(new Dictionary<string, string?> { ["Cors:AllowedOrigins"] = "https://a.example, https://b.example" });

        var response = await api.PreflightAsync("https://b.example");

        Assert.Equal("https://b.example", response.Header("Access-Control-Allow-Origin"));
    }
}
