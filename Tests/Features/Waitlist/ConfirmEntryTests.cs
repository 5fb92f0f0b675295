using Waitlist.Features.Waitlist;

namespace Waitlist.Tests.Features.Waitlist;

public sealed class ConfirmEntryTests(ApiFixture fixture) : ApiTests<ApiFixture>(fixture)
{
    [Fact]
    public async Task The_link_confirms_the_entry_and_queues_the_welcome_email_with_its_place_and_share_link()
    {
        var email = await Api.PendingEntryAsync("confirma");

        var page = await (await Api.ConfirmAsync(email)).ShouldBePage(HttpStatusCode.OK);

        Assert.Contains("¡Correo confirmado!", page);
        await using var db = await Api.OpenDatabaseAsync();
        var row = await db.QuerySingleAsync<(string Status, DateTime? ConfirmedAt, string ReferralCode)>(
            "SELECT status, confirmed_at, referral_code FROM waitlist_entries WHERE email = @email", new { email });
        Assert.Equal("confirmed", row.Status);
        Assert.NotNull(row.ConfirmedAt);
        Assert.Matches("^[0-9a-hjkmnp-tv-z]{12}$", row.ReferralCode);
        var place = await db.ExecuteScalarAsync<long>("SELECT count(*) FROM waitlist_entries WHERE status = 'confirmed'");

        var welcome = (await Api.QueuedEmailsAsync(email)).Last();
        Assert.Equal(WaitlistEmails.WelcomeTemplate, welcome.Template);
        Assert.Equal($"Ya estás en la lista de espera: eres el número {place}", welcome.Message.Subject);
        Assert.Contains($"Tu posición en la cola es la número {place} de {place}.", welcome.Message.TextBody);
        Assert.Contains($"http://localhost:3000/?ref={row.ReferralCode}", welcome.Message.TextBody);
        Assert.Contains("subes 5 puestos", welcome.Message.TextBody);
        Assert.Contains($"<a href=\"http://localhost:3000/?ref={row.ReferralCode}\">", WebUtility.HtmlDecode(welcome.Message.HtmlBody));
        Assert.StartsWith("<http://localhost:4000/api/waitlist/unsubscribe?token=", welcome.Message.Headers["List-Unsubscribe"]);
    }

    [Fact]
    public async Task Confirming_twice_is_harmless()
    {
        var email = await Api.PendingEntryAsync("dos-veces");
        var link = await Api.ConfirmLinkAsync(email);

        var clicks = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Api.ClientFrom(WaitlistClient.UniqueNetworkIp()).GetAsync(link)));
        var pages = await Task.WhenAll(clicks.Select(click => click.ShouldBePage(HttpStatusCode.OK)));
        var later = await (await Api.ClientFrom(WaitlistClient.UniqueNetworkIp()).GetAsync(link)).ShouldBePage(HttpStatusCode.OK);

        Assert.Single(pages, page => page.Contains("¡Correo confirmado!"));
        Assert.Equal(4, pages.Count(page => page.Contains("Tu correo ya estaba confirmado")));
        Assert.Contains("Tu correo ya estaba confirmado", later);
        Assert.Single(await Api.QueuedEmailsAsync(email), queued => queued.Template == WaitlistEmails.WelcomeTemplate);
    }

    [Fact]
    public async Task An_expired_link_confirms_nothing_but_still_tells_a_confirmed_entry()
    {
        var pending = WaitlistClient.UniqueEmail("caducada");
        var pendingId = Guid.Parse((await Api.JoinAsync(pending)).GetProperty("id").GetString()!);
        var confirmed = WaitlistClient.UniqueEmail("ya-dentro");
        var confirmedId = Guid.Parse((await Api.JoinAsync(confirmed)).GetProperty("id").GetString()!);
        await Api.ConfirmAsync(confirmed);
        // A token signed by the API's own key a second after it was issued, for a lifetime already over.
        var tokens = Api.Services.GetRequiredService<WaitlistTokens>();

        var expired = await (await Api.ClientFrom(TestIps.Unique()).GetAsync($"/api/waitlist/confirm?token={tokens.Confirmation(pendingId, TimeSpan.FromSeconds(-1))}"))
            .ShouldBePage(HttpStatusCode.OK);
        var already = await (await Api.ClientFrom(TestIps.Unique()).GetAsync($"/api/waitlist/confirm?token={tokens.Confirmation(confirmedId, TimeSpan.FromSeconds(-1))}"))
            .ShouldBePage(HttpStatusCode.OK);

        Assert.Contains("El enlace ha caducado", expired);
        Assert.Equal("pending", await Api.StatusAsync(pending));
        Assert.Contains("Tu correo ya estaba confirmado", already);
    }

    public static TheoryData<string> Tampered => new()
    {
        "", "nada", "a.b.c", "....", new string('x', 5000),
    };

    [Theory]
    [MemberData(nameof(Tampered))]
    public async Task A_forged_token_confirms_nothing(string token)
    {
        var page = await (await Api.ClientFrom(TestIps.Unique()).GetAsync($"/api/waitlist/confirm?token={Uri.EscapeDataString(token)}")).ShouldBePage(HttpStatusCode.OK);

        Assert.Contains("El enlace ha caducado", page);
    }

    [Fact]
    public async Task A_tampered_token_confirms_nothing()
    {
        var email = await Api.PendingEntryAsync("manipulada");
        var other = await Api.PendingEntryAsync("otra");
        var token = WaitlistClient.TokenOf(await Api.ConfirmLinkAsync(email));
        var parts = token.Split('.');
        var otherToken = WaitlistClient.TokenOf(await Api.ConfirmLinkAsync(other)).Split('.');

        var forgeries = new[]
        {
            $"{parts[0]}.{long.Parse(parts[1]) + 86400}.{parts[2]}",      // a later expiry
            $"{otherToken[0]}.{parts[1]}.{parts[2]}",                      // another entry's id
            $"{parts[0]}.{parts[1]}.{parts[2][..^2]}AA",                   // a changed signature
            $"{parts[0]}.{parts[2]}",                                      // the shape of a personal token
            (await Api.EntryTokenAsync(email)),                            // a personal token: it unsubscribes, it does not confirm
        };
        foreach (var forged in forgeries)
            Assert.Contains("El enlace ha caducado", await (await Api.ClientFrom(TestIps.Unique()).GetAsync($"/api/waitlist/confirm?token={forged}")).ShouldBePage(HttpStatusCode.OK));

        Assert.Equal("pending", await Api.StatusAsync(email));
        Assert.Equal("pending", await Api.StatusAsync(other));
        Assert.DoesNotContain(await Api.QueuedEmailsAsync(email), queued => queued.Template == WaitlistEmails.WelcomeTemplate);
    }

    [Fact]
    public async Task The_page_is_never_cached_and_sends_no_referer()
    {
        var email = await Api.PendingEntryAsync("cabeceras");

        var response = await Api.ConfirmAsync(email);

        await response.ShouldBePage(HttpStatusCode.OK);
        Assert.Equal("no-store", response.Header("Cache-Control"));
        Assert.Equal("no-referrer", response.Header("Referrer-Policy"));
        Assert.Contains("default-src 'none'", response.Header("Content-Security-Policy"));
    }

    [Fact]
    public async Task With_a_confirmed_url_the_visitor_lands_on_the_marketing_site_with_the_outcome()
    {
        await using var api = await ApiFactory.StartAsync(new Dictionary<string, string?> { ["Waitlist:ConfirmedUrl"] = "https://example.com/lista?origen=correo" });
        var email = await api.PendingEntryAsync("redirige");
        var link = await api.ConfirmLinkAsync(email);
        var client = new Auth.AuthClient(api); // follows no redirect

        var first = await client.GetAsync(link);
        var second = await client.GetAsync(link);
        var forged = await client.GetAsync("/api/waitlist/confirm?token=falso");


        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal("https://example.com/lista?origen=correo&estado=confirmado", first.Headers.Location!.ToString());
        Assert.Equal("https://example.com/lista?origen=correo&estado=ya-confirmado", second.Headers.Location!.ToString());
        Assert.Equal("https://example.com/lista?origen=correo&estado=enlace-caducado", forged.Headers.Location!.ToString());
    }

    [Fact]
    public async Task The_link_of_an_entry_that_was_erased_has_expired()
    {
        var email = await Api.PendingEntryAsync("borrada");
        var link = await Api.ConfirmLinkAsync(email);
        await using (var db = await Api.OpenDatabaseAsync())
            await db.ExecuteAsync("DELETE FROM waitlist_entries WHERE email = @email", new { email });

        var page = await (await Api.ClientFrom(TestIps.Unique()).GetAsync(link)).ShouldBePage(HttpStatusCode.OK);

        Assert.Contains("El enlace ha caducado", page);
    }
}
