using Waitlist.Features.Waitlist;

namespace Waitlist.Tests.Features.Waitlist;

public sealed class UnsubscribeTests(ApiFixture fixture) : ApiTests<ApiFixture>(fixture)
{
    [Fact]
    public async Task The_visible_link_asks_first_and_changes_nothing()
    {
        var email = await Api.PendingEntryAsync("pregunta");
        var link = await Api.LinkAsync(email, null, "UnsubscribeUrl");

        var page = await (await Api.ClientFrom(TestIps.Unique()).GetAsync(link)).ShouldBePage(HttpStatusCode.OK);

        Assert.Contains("¿Quieres salir de la lista de espera?", page);
        Assert.Contains("<form method=\"post\">", page);
        Assert.Contains("Darme de baja", page);
        Assert.Equal("pending", await Api.StatusAsync(email));
        Assert.Single(await Api.QueuedEmailsAsync(email));
    }

    [Fact]
    public async Task One_click_erases_the_entry_and_every_waitlist_email_to_it_but_nothing_else()
    {
        var (email, _) = await Api.ConfirmedEntryAsync("se-va");
        var link = await Api.LinkAsync(email, WaitlistEmails.WelcomeTemplate, "UnsubscribeUrl");
        var accountEmail = await Seed.EmailAsync(Api, email, "Restablece tu contraseña");
        var neighbour = await Api.PendingEntryAsync("se-queda");

        // What Gmail sends (RFC 8058): a form post of List-Unsubscribe=One-Click, no cookies.
        var response = await Api.ClientFrom(TestIps.Unique()).PostAsync(link,
            new FormUrlEncodedContent([new KeyValuePair<string, string>("List-Unsubscribe", "One-Click")]));

        Assert.Contains("Te has dado de baja", await response.ShouldBePage(HttpStatusCode.OK));
        await using var db = await Api.OpenDatabaseAsync();
        Assert.Equal(0, await db.ExecuteScalarAsync<int>("SELECT count(*) FROM waitlist_entries WHERE email = @email", new { email }));
        Assert.Equal([accountEmail], await db.QueryAsync<long>("SELECT id FROM email_outbox WHERE to_address = @email", new { email }));
        Assert.Equal("pending", await Api.StatusAsync(neighbour));
        Assert.Single(await Api.QueuedEmailsAsync(neighbour));

        // Leaving twice is harmless.
        Assert.Contains("Te has dado de baja", await (await Api.ClientFrom(TestIps.Unique()).PostAsync(link, null)).ShouldBePage(HttpStatusCode.OK));
    }

    [Fact]
    public async Task The_pages_button_erases_a_pending_entry_too()
    {
        var email = await Api.PendingEntryAsync("boton");
        var link = await Api.LinkAsync(email, null, "UnsubscribeUrl");

        // The form posts to the page's own address.
        await (await Api.ClientFrom(TestIps.Unique()).PostAsync(link, new FormUrlEncodedContent([]))).ShouldBePage(HttpStatusCode.OK);

        Assert.Null(await Api.StatusAsync(email));
        Assert.Empty(await Api.QueuedEmailsAsync(email));
    }

    [Fact]
    public async Task A_forged_link_erases_nothing()
    {
        var email = await Api.PendingEntryAsync("intacta");
        var token = await Api.EntryTokenAsync(email);
        var confirmToken = WaitlistClient.TokenOf(await Api.ConfirmLinkAsync(email));

        foreach (var forged in new[] { "", "nada", token[..^2] + "AA", confirmToken })
        {
            Assert.Contains("El enlace no es válido", await (await Api.ClientFrom(TestIps.Unique()).GetAsync($"/api/waitlist/unsubscribe?token={forged}")).ShouldBePage(HttpStatusCode.BadRequest));
            await (await Api.ClientFrom(TestIps.Unique()).PostAsync($"/api/waitlist/unsubscribe?token={forged}", null)).ShouldBePage(HttpStatusCode.BadRequest);
        }

        Assert.Equal("pending", await Api.StatusAsync(email));
    }

    [Fact]
    public async Task No_token_reaches_the_log()
    {
        // Everything the API itself and Npgsql would say, down to Trace.
        await using var api = await ApiFactory.StartAsync(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Waitlist"] = "Trace",
            ["Logging:LogLevel:Npgsql"] = "Trace",
        });
        var email = await api.PendingEntryAsync("discreta");
        var confirm = await api.ConfirmLinkAsync(email);
        var token = await api.EntryTokenAsync(email);
        await (await api.ClientFrom(TestIps.Unique()).GetAsync(confirm)).ShouldBePage(HttpStatusCode.OK);
        await api.MeAsync(token);
        await (await api.ClientFrom(TestIps.Unique()).GetAsync($"/api/waitlist/unsubscribe?token={token}")).ShouldBePage(HttpStatusCode.OK);
        await (await api.ClientFrom(TestIps.Unique()).PostAsync($"/api/waitlist/unsubscribe?token={token}", null)).ShouldBePage(HttpStatusCode.OK);

        Assert.Contains(api.Logs.Entries, entry => entry.Message.Contains("/api/waitlist/unsubscribe"));
        var confirmToken = WaitlistClient.TokenOf(confirm);
        Assert.DoesNotContain(api.Logs.Entries, entry => entry.Message.Contains(token) || entry.Message.Contains(confirmToken));
    }
}
