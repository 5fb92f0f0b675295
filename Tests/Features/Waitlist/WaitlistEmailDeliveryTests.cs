namespace Waitlist.Tests.Features.Waitlist;

/// <summary>Waitlist emails as a real SMTP server (aiosmtpd) receives them: rendered at delivery, with one-click unsubscribe headers.</summary>
public sealed class WaitlistEmailDeliveryTests
{
    [Fact]
    public async Task Every_waitlist_email_arrives_with_list_unsubscribe_headers_and_a_visible_link()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var api = await ApiFactory.StartAsync(CronTestApi.SmtpSettings(smtp));
        var email = await api.PendingEntryAsync("buzon");
        // Delivery drops what a message's links were made of, so follow them from the queue first.
        var confirm = await api.ConfirmLinkAsync(email);
        var unsubscribe = "http://localhost:4000" + await api.LinkAsync(email, null, "UnsubscribeUrl");
        Assert.Equal(1, (await api.RunJobAsync("email.outbox")).Affected());
        await (await api.ClientFrom(TestIps.Unique()).GetAsync(confirm)).ShouldBePage(HttpStatusCode.OK);

        Assert.Equal(1, (await api.RunJobAsync("email.outbox")).Affected());

        var received = smtp.Messages();
        Assert.Equal(2, received.Count);
        Assert.All(received, raw =>
        {
            var headers = Unfolded(raw);
            Assert.Contains($"List-Unsubscribe: <{unsubscribe}>", headers);
            Assert.Contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click", headers);
        });
        // The links in the bodies, as rendered at delivery; the visible unsubscribe link in both.
        var bodies = received.Select(Bodies).ToList();
        Assert.Single(bodies, body => body.Contains("http://localhost:4000/api/waitlist/confirm?token="));
        Assert.Single(bodies, body => body.Contains("http://localhost:3000/?ref="));
        Assert.All(bodies, body => Assert.Contains($"Para darte de baja: {unsubscribe}", body));
        Assert.All(received, raw => Assert.Contains($"To: {email}", raw));
        await using var db = await api.OpenDatabaseAsync();
        Assert.Equal(2, await db.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM email_outbox WHERE to_address = @email AND status = 'sent' AND data IS NULL AND html_body = '' AND text_body = ''", new { email }));
    }

    /// <summary>The decoded text of a raw message's parts (System.Net.Mail sends UTF-8 bodies base64 or quoted-printable).</summary>
    private static string Bodies(string raw)
    {
        var text = new System.Text.StringBuilder();
        foreach (var part in raw.Replace("\r\n", "\n").Split("\n--"))
        {
            var split = part.IndexOf("\n\n", StringComparison.Ordinal);
            if (split < 0)
                continue;
            var (headers, body) = (part[..split], part[(split + 2)..]);
            if (headers.Contains("Content-Transfer-Encoding: base64", StringComparison.OrdinalIgnoreCase))
                text.Append(System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(body.Split('\n').TakeWhile(line => line.Length > 0)))));
            else if (headers.Contains("Content-Transfer-Encoding: quoted-printable", StringComparison.OrdinalIgnoreCase))
                text.Append(QuotedPrintable(body));
            text.Append('\n');
        }
        return text.ToString();
    }

    private static string QuotedPrintable(string body)
    {
        var bytes = new List<byte>();
        var joined = body.Replace("=\n", "");
        for (var i = 0; i < joined.Length; i++)
        {
            if (joined[i] == '=' && i + 2 < joined.Length && Uri.IsHexDigit(joined[i + 1]) && Uri.IsHexDigit(joined[i + 2]))
            {
                bytes.Add(Convert.ToByte(joined.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
                bytes.AddRange(System.Text.Encoding.UTF8.GetBytes(joined[i].ToString()));
        }
        return System.Text.Encoding.UTF8.GetString(bytes.ToArray());
    }

    /// <summary>The raw message with folded header lines joined, so a long header reads whole.</summary>
    private static string Unfolded(string raw) => raw.Replace("\r\n", "\n").Replace("\n ", " ").Replace("\n\t", " ");
}
