namespace Waitlist.Tests.Infrastructure;

/// <summary>The access log: one line per request, as operators read it, that neither leaks a query string nor lets a URL forge a line.</summary>
public sealed class RequestLogTests
{
    [Fact]
    public async Task Each_request_is_one_line_without_its_query_string_and_a_line_break_in_a_path_stays_encoded()
    {
        await using var api = await ApiFactory.StartAsync(new Dictionary<string, string?> { ["Logging:LogLevel:Waitlist.Requests"] = "Information" });
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.77");

        await client.GetAsync("/api/waitlist/confirm?token=secreto-que-no-debe-verse");
        await client.GetAsync("/api/nada%0AGET%20/api/falsa");

        // The line is written once the response has gone, so it may trail the client's answer by a moment.
        string[] lines = [];
        await Conditions.WaitUntilAsync(() =>
            (lines = api.Logs.Entries.Where(entry => entry.Category == "Waitlist.Requests").Select(entry => entry.Message).ToArray()).Length == 2);
        Assert.Matches(@"^GET /api/waitlist/confirm -> 200 in \d+\.\d ms from 203\.0\.113\.77$", lines[0]);
        Assert.Matches(@"^GET /api/nada%0AGET%20/api/falsa -> 404 in \d+\.\d ms from 203\.0\.113\.77$", lines[1]);
        Assert.DoesNotContain(api.Logs.Entries, entry => entry.Message.Contains("secreto-que-no-debe-verse"));
    }
}
