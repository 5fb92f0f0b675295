namespace Waitlist.Tests.Features.Messaging.Jobs;

/// <summary>
/// messages.daily-digest: once a day per person with unread messages older than an hour, a Spanish email through the
/// outbox saying who wrote and how many, with the dashboard's link; none for what was read, what is recent, people who
/// turned emailDigest off or are banned; never twice a day, and never again for messages an earlier digest told of.
/// </summary>
public sealed class MessagesDailyDigestJobTests
{
    private const string Job = "messages.daily-digest";
    private const string DashboardUrl = "https://panel.example.com/mensajes";

    [Fact]
    public async Task Emails_each_person_who_wrote_and_how_many_once_a_day()
    {
        await using var api = await ApiFactory.StartAsync(CronTestApi.Settings(("Messaging:DashboardUrl", DashboardUrl)));
        var (ana, luis, eva) = await api.CastAsync(evasName: "Eva <Sanz>");
        var withLuis = await luis.ConversationWithAsync(ana);
        var withEva = await eva.ConversationWithAsync(ana);
        await luis.SendAsync(withLuis, "Hola, Ana");
        await luis.SendAsync(withLuis, "¿Tienes un momento?");
        await eva.SendAsync(withEva, "Te escribo por el puesto");
        var answer = await ana.SendAsync(withEva, "Mis propios mensajes no cuentan");
        await eva.ReadUpToAsync(withEva, answer);
        await AgeMessagesAsync(api, TimeSpan.FromHours(2));
        await eva.SendAsync(withEva, "Este es de hace un momento: espera a otro día");

        var first = await api.RunJobAsync(Job);
        var second = await api.RunJobAsync(Job);

        Assert.Equal(("ok", 1), (first.Status(), first.Affected()));
        Assert.Equal(("ok", 0), (second.Status(), second.Affected()));
        var email = Assert.Single(await EmailsAsync(api));
        Assert.Equal(await api.EmailOfAsync(ana), email.To);
        Assert.Equal("Tienes 3 mensajes sin leer", email.Subject);
        Assert.Contains("Hola, Ana Pérez:", email.Text);
        Assert.Contains("- Luis Gil: 2 mensajes\n- Eva <Sanz>: 1 mensaje\n", email.Text);
        Assert.Contains(DashboardUrl, email.Text);
        Assert.Contains("<strong>Eva &lt;Sanz&gt;</strong>: 1 mensaje", email.Html);
        Assert.Contains($"href=\"{DashboardUrl}\"", email.Html);
        Assert.DoesNotContain("Hola, Ana", email.Text.Replace("Hola, Ana Pérez:", "")); // bodies are not in the digest
    }

    [Fact]
    public async Task Read_recent_opted_out_and_banned_get_nothing_and_a_later_day_tells_only_of_newer_messages()
    {
        await using var api = await ApiFactory.StartAsync(CronTestApi.Settings());
        var luis = await api.PersonAsync("Luis Gil");
        var reader = await api.PersonAsync("Rosa Lee");
        var optedOut = await api.PersonAsync("Olga Nada");
        var banned = await api.PersonAsync("Bruno Veto");
        var waiting = await api.PersonAsync("Ana Pérez");
        var read = await luis.ConversationWithAsync(reader);
        var lastRead = await luis.SendAsync(read, "Ya lo has leído");
        await reader.ReadUpToAsync(read, lastRead);
        await (await optedOut.Client.PatchAsync("/api/user/me", new { profile = new { emailDigest = false } })).ShouldBe(HttpStatusCode.OK);
        await luis.SendAsync(await luis.ConversationWithAsync(optedOut), "No quieres resúmenes");
        await luis.SendAsync(await luis.ConversationWithAsync(banned), "Tu cuenta está suspendida");
        var withAna = await luis.ConversationWithAsync(waiting);
        await luis.SendAsync(withAna, "Primero");
        await AgeMessagesAsync(api, TimeSpan.FromHours(3));
        await using (var db = await api.OpenDatabaseAsync())
            await db.ExecuteAsync("UPDATE users SET banned = true WHERE id = @id", new { id = banned.Id });

        Assert.Equal(1, (await api.RunJobAsync(Job)).Affected());
        Assert.Equal([await api.EmailOfAsync(waiting)], (await EmailsAsync(api)).Select(email => email.To));

        // The next day: Ana still has not read "Primero", which was told of; only what came after counts.
        await using (var db = await api.OpenDatabaseAsync())
            await db.ExecuteAsync("UPDATE message_digests SET day = day - 1");
        Assert.Equal(0, (await api.RunJobAsync(Job)).Affected());
        await luis.SendAsync(withAna, "Segundo");
        await AgeMessagesAsync(api, TimeSpan.FromHours(2));
        Assert.Equal(1, (await api.RunJobAsync(Job)).Affected());
        var emails = await EmailsAsync(api);
        Assert.Equal(2, emails.Count);
        Assert.Equal("Tienes 1 mensaje sin leer", emails[^1].Subject);
        Assert.Contains("- Luis Gil: 1 mensaje\n", emails[^1].Text);
    }

    private static async Task AgeMessagesAsync(ApiFactory api, TimeSpan age)
    {
        await using var db = await api.OpenDatabaseAsync();
        await db.ExecuteAsync("UPDATE messages SET created_at = now() - @age WHERE created_at > now() - @age", new { age });
    }

    private static async Task<List<(string To, string Subject, string Text, string Html)>> EmailsAsync(ApiFactory api)
    {
        await using var db = await api.OpenDatabaseAsync();
        return (await db.QueryAsync<(string, string, string, string)>(
            "SELECT to_address, subject, text_body, html_body FROM email_outbox WHERE subject LIKE '%sin leer' ORDER BY id")).ToList();
    }
}
