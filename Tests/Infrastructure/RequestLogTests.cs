using System.Text.RegularExpressions;

namespace Waitlist.Tests.Infrastructure;

/// <summary>The access log: one line per request, as operators read it, that neither leaks a query string nor lets a URL forge a line.</summary>
public sealed class RequestLogTests
{
    [Fact]
    public async Task Each_request_is_one_line_without_its_query_string_and_a_line_break_in_a_path_stays_encoded()
    {
        await using var api = await StartWithAccessLogAsync();
        var client = ClientBehindProxy(api);

        await client.GetAsync("/api/waitlist/confirm?token=secreto-que-no-debe-verse");
        await client.GetAsync("/api/nada%0AGET%20/api/falsa");

        // The line is written once the response has gone, so it may trail the client's answer by a moment.
        string[] lines = [];
        await Conditions.WaitUntilAsync(() => (lines = AccessLog(api)).Length == 2);
        Assert.Matches(@"^GET /api/waitlist/confirm -> 200 in \d+\.\d ms from 203\.0\.113\.77$", lines[0]);
        Assert.Matches(@"^GET /api/nada%0AGET%20/api/falsa -> 404 in \d+\.\d ms from 203\.0\.113\.77$", lines[1]);
        Assert.DoesNotContain(api.Logs.Entries, entry => entry.Message.Contains("secreto-que-no-debe-verse"));
    }

    [Theory]
    [InlineData("/api/og", 200)]
    [InlineData("/openapi/v1.json", 200)]
    [InlineData("/health", 200)]
    [InlineData("/api/og?title=" + "_123456789_123456789_123456789_123456789_123456789_123456789_123456789_123456789_123456789_123456789_", 400)]
    public async Task Public_content_that_skips_the_callers_middleware_is_logged_with_the_client_address(string url, int status)
    {
        await using var api = await StartWithAccessLogAsync();

        var response = await ClientBehindProxy(api).GetAsync(url);

        Assert.Equal(status, (int)response.StatusCode);
        string[] lines = [];
        await Conditions.WaitUntilAsync(() => (lines = AccessLog(api)).Length > 0);
        Assert.Matches($@"^GET {Regex.Escape(url.Split('?')[0])} -> {status} in \d+\.\d ms from 203\.0\.113\.77$", Assert.Single(lines));
    }

    private static Task<ApiFactory> StartWithAccessLogAsync() =>
        ApiFactory.StartAsync(new Dictionary<string, string?> { ["Logging:LogLevel:Waitlist.Requests"] = "Information" });

    private static HttpClient ClientBehindProxy(ApiFactory api)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.77");
        return client;
    }

    private static string[] AccessLog(ApiFactory api) =>
        api.Logs.Entries.Where(entry => entry.Category == "Waitlist.Requests").Select(entry => entry.Message).ToArray();
}
