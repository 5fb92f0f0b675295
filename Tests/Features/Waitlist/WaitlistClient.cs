using Waitlist.Features.Waitlist;
using Waitlist.Infrastructure.Email;

namespace Waitlist.Tests.Features.Waitlist;

/// <summary>
/// Joining the waitlist and following the links of its emails as a person would: from the queued emails' data, never
/// from tokens made by the test.
/// </summary>
public static class WaitlistClient
{
    private static int _network;

    /// <summary>An address in a /24 no other call returns, so the referral rules see two calls as two networks.</summary>
    public static string UniqueNetworkIp()
    {
        var n = Interlocked.Increment(ref _network);
        return $"10.{n / 250 % 250}.{n % 250}.7";
    }

    public static string UniqueEmail(string prefix = "persona") => $"{prefix}-{Guid.NewGuid():N}@example.com";

    public static object Professional(string email, string? @ref = null, string name = "Ana Pérez Núñez") =>
        new { email, type = "professional", name, field = "Biología molecular", @ref };

    /// <summary>Joins from <paramref name="ip"/> (a network of its own by default) and returns the 201's body.</summary>
    public static async Task<JsonElement> JoinAsync(this ApiFactory api, string email, string? @ref = null, string? ip = null) =>
        await (await api.ClientFrom(ip ?? UniqueNetworkIp()).PostJsonAsync("/api/waitlist", Professional(email, @ref))).ShouldBe(HttpStatusCode.Created);

    /// <summary>Joins with an address of its own (<paramref name="prefix"/>-…@example.com) and returns it: an entry waiting for confirmation.</summary>
    public static async Task<string> PendingEntryAsync(this ApiFactory api, string prefix)
    {
        var email = UniqueEmail(prefix);
        await api.JoinAsync(email);
        return email;
    }

    /// <summary>Joins with an address of its own and follows the confirmation link; returns the address and the entry's personal token.</summary>
    public static async Task<(string Email, string Token)> ConfirmedEntryAsync(this ApiFactory api, string prefix)
    {
        var email = UniqueEmail(prefix);
        return (email, await api.JoinConfirmedAsync(email));
    }

    /// <summary>Joins and follows the confirmation link; returns the entry's personal token (from its unsubscribe link).</summary>
    public static async Task<string> JoinConfirmedAsync(this ApiFactory api, string email, string? @ref = null, string? ip = null)
    {
        await api.JoinAsync(email, @ref, ip);
        await api.ConfirmAsync(email);
        return await api.EntryTokenAsync(email);
    }

    public static async Task<HttpResponseMessage> ConfirmAsync(this ApiFactory api, string email) =>
        await api.ClientFrom(UniqueNetworkIp()).GetAsync(await api.ConfirmLinkAsync(email));

    /// <summary>The confirmation link of the latest confirmation email to <paramref name="email"/>, as a path and query.</summary>
    public static async Task<string> ConfirmLinkAsync(this ApiFactory api, string email) =>
        await api.LinkAsync(email, WaitlistEmails.ConfirmationTemplate, "ConfirmUrl");

    /// <summary>The token of the person's own link, from the unsubscribe link of their latest waitlist email.</summary>
    public static async Task<string> EntryTokenAsync(this ApiFactory api, string email) =>
        TokenOf(await api.LinkAsync(email, null, "UnsubscribeUrl"));

    /// <summary>The token a link of the waitlist's emails carries.</summary>
    public static string TokenOf(string link) => link[(link.IndexOf("?token=", StringComparison.Ordinal) + "?token=".Length)..];

    public static async Task<JsonElement> MeAsync(this ApiFactory api, string token) =>
        await (await api.ClientFrom(UniqueNetworkIp()).GetAsync($"/api/waitlist/me?token={token}")).ShouldBe(HttpStatusCode.OK);

    /// <summary>A link from the data of the latest waitlist email to <paramref name="email"/> (of <paramref name="template"/>, if given), as a path and query.</summary>
    public static async Task<string> LinkAsync(this ApiFactory api, string email, string? template, string key)
    {
        await using var db = await api.OpenDatabaseAsync();
        var url = await db.QuerySingleOrDefaultAsync<string>("""
            SELECT data->>@key FROM email_outbox
            WHERE to_address = @email AND (@template::text IS NULL OR template = @template) AND data ? @key
            ORDER BY id DESC LIMIT 1
            """, new { email, template, key });
        Assert.NotNull(url);
        Assert.StartsWith("http://localhost:4000/api/waitlist/", url);
        return new Uri(url).PathAndQuery;
    }

    /// <summary>The queued emails to <paramref name="email"/>, rendered as the delivery will render them, oldest first.</summary>
    public static async Task<IReadOnlyList<QueuedEmail>> QueuedEmailsAsync(this ApiFactory api, string email)
    {
        await using var db = await api.OpenDatabaseAsync();
        var rows = await db.QueryAsync<(string? Template, string Subject, string? Data, string? Headers, string Html, string Text, string Status)>(
            "SELECT template, subject, data::text, headers::text, html_body, text_body, status FROM email_outbox WHERE to_address = @email ORDER BY id", new { email });
        var templates = api.Services.GetRequiredService<EmailTemplates>();
        return rows.Select(row => new QueuedEmail(row.Template, row.Status, row is { Template: { } template, Data: { } data }
            ? templates.Render(template, email, row.Subject, data, row.Headers)
            : new EmailMessage(email, row.Subject, row.Html, row.Text) { Headers = EmailTemplates.Headers(row.Headers) })).ToList();
    }

    /// <summary>Asserts the status of one of the API's own HTML pages and returns the page.</summary>
    public static async Task<string> ShouldBePage(this HttpResponseMessage response, HttpStatusCode status)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {html}");
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        return html;
    }

    public static async Task<string?> StatusAsync(this ApiFactory api, string email)
    {
        await using var db = await api.OpenDatabaseAsync();
        return await db.QuerySingleOrDefaultAsync<string>("SELECT status FROM waitlist_entries WHERE email = @email", new { email });
    }

    /// <summary>
    /// Makes the database refuse every waitlist entry named <paramref name="name"/> with an error that says
    /// <c>test_refusal</c>, until the returned handle is disposed: a fault the API cannot foresee.
    /// </summary>
    public static async Task<IAsyncDisposable> RefuseEntriesNamedAsync(this ApiFactory api, string name)
    {
        await using (var db = await api.OpenDatabaseAsync())
            await db.ExecuteAsync($"""
                CREATE FUNCTION test_refusal() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'test_refusal internal detail'; END $$;
                CREATE TRIGGER test_refusal BEFORE INSERT ON waitlist_entries FOR EACH ROW WHEN (NEW.name = '{name.Replace("'", "''")}') EXECUTE FUNCTION test_refusal();
                """);
        return new Refusal(api);
    }

    private sealed class Refusal(ApiFactory api) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await using var db = await api.OpenDatabaseAsync();
            await db.ExecuteAsync("DROP TRIGGER test_refusal ON waitlist_entries; DROP FUNCTION test_refusal();");
        }
    }
}

/// <param name="Template">Null for a message rendered when it was queued.</param>
public sealed record QueuedEmail(string? Template, string Status, EmailMessage Message);
