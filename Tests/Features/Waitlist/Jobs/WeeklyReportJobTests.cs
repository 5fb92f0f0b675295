using Waitlist.Features.Waitlist;

namespace Waitlist.Tests.Features.Waitlist.Jobs;

public sealed class WeeklyReportJobTests(CronFixture fixture) : ApiTests<CronFixture>(fixture)
{
    // Thursday noon of the last complete ISO week, and of the week before, in the report's time zone.
    private const string LastWeek = "(date_trunc('week', now() AT TIME ZONE 'Europe/Madrid') - interval '4 days' + interval '12 hours') AT TIME ZONE 'Europe/Madrid'";
    private const string WeekBefore = "(date_trunc('week', now() AT TIME ZONE 'Europe/Madrid') - interval '11 days' + interval '12 hours') AT TIME ZONE 'Europe/Madrid'";

    [Fact]
    public async Task Emails_staff_and_admins_a_spanish_summary_of_last_week_once()
    {
        var staff = Seed.UniqueEmail("staff");
        var admin = Seed.UniqueEmail("admin");
        await Seed.UserAsync(Api, staff, "staff");
        await Seed.UserAsync(Api, admin, "admin");
        await Seed.UserAsync(Api, Seed.UniqueEmail("usuario"), "user");
        await Seed.UserAsync(Api, Seed.UniqueEmail("vetado"), "admin", banned: true);
        await Seed.EntryAsync(Api, Seed.UniqueEmail(), field: "Física", createdAtSql: LastWeek);
        await Seed.EntryAsync(Api, Seed.UniqueEmail(), field: "física ", createdAtSql: LastWeek);
        await Seed.EntryAsync(Api, Seed.UniqueEmail(), field: "Química", createdAtSql: LastWeek);
        await Seed.EntryAsync(Api, Seed.UniqueEmail(), type: "empresa", field: null, createdAtSql: LastWeek);
        await Seed.EntryAsync(Api, Seed.UniqueEmail(), field: "Biología", createdAtSql: WeekBefore);
        await Seed.EntryAsync(Api, Seed.UniqueEmail(), field: "Biología", createdAtSql: WeekBefore);
        await Seed.EntryAsync(Api, Seed.UniqueEmail(), field: "Geología", age: TimeSpan.Zero); // this week: next report
        await Seed.EntryAsync(Api, Seed.UniqueEmail(), field: "Astronomía", createdAtSql: LastWeek, status: "pending"); // never counts

        var first = await Api.RunJobAsync("waitlist.weekly-report");
        var second = await Api.RunJobAsync("waitlist.weekly-report");

        Assert.Equal(("ok", 2), (first.Status(), first.Affected()));
        Assert.Equal(("ok", 0), (second.Status(), second.Affected()));
        await using var db = await Api.OpenDatabaseAsync();
        var isoWeek = await db.QuerySingleAsync<string>("SELECT iso_week FROM weekly_reports");
        var emails = (await db.QueryAsync<(string To, string Subject, string Text, string Html)>(
            "SELECT to_address, subject, text_body, html_body FROM email_outbox ORDER BY to_address")).ToList();
        Assert.Equal(new[] { admin, staff }.Order(), emails.Select(e => e.To));
        var week = int.Parse(isoWeek[^2..]);
        var year = int.Parse(isoWeek[..4]);
        Assert.All(emails, email =>
        {
            Assert.Equal($"Informe semanal de la lista de espera: semana {week} de {year}", email.Subject);
            Assert.All(["Nuevos registros: 4", "- Profesionales: 3", "- Empresas: 1", "- Física: 2", "- Química: 1",
                    "- Química: 1\n\nCrecimiento: +100 % respecto a la semana anterior (2).", "Total acumulado en la lista: 6"],
                line => Assert.Contains(line, email.Text));
            // No field without a name, and none of an entry from another week or still pending.
            Assert.All(["Sin especificar", "Biología", "Geología", "Astronomía"], field => Assert.DoesNotContain(field, email.Text));
            Assert.Contains("<strong>4</strong>", email.Html);
            Assert.Contains("<td style=\"padding: 2px 12px 2px 0;\">Química</td>", email.Html);
        });
    }

    [Fact]
    public void Growth_and_week_labels_read_well_in_spanish()
    {
        Assert.Equal("+50 % respecto a la semana anterior (2).", WaitlistTexts.Growth(3, 2));
        Assert.Equal("−25 % respecto a la semana anterior (4).", WaitlistTexts.Growth(3, 4));
        Assert.Equal("Igual que la semana anterior (5).", WaitlistTexts.Growth(5, 5));
        Assert.Equal("La semana anterior no hubo registros.", WaitlistTexts.Growth(5, 0));
        Assert.Equal("Sin registros ni en esta semana ni en la anterior.", WaitlistTexts.Growth(0, 0));
        Assert.Equal(new ReportWeekLabel("semana 46 de 2026", "del 9 al 15 de noviembre de 2026"), WaitlistTexts.Week(2026, 46, new DateOnly(2026, 11, 9)));
        Assert.Equal("del 30 de noviembre al 6 de diciembre de 2026", WaitlistTexts.Week(2026, 49, new DateOnly(2026, 11, 30)).Range);
        Assert.Equal("del 28 de diciembre de 2026 al 3 de enero de 2027", WaitlistTexts.Week(2026, 53, new DateOnly(2026, 12, 28)).Range);
    }
}

public sealed class WaitlistWeeklyReportRecipientsTests
{
    [Fact]
    public async Task Configured_recipients_replace_staff_and_the_report_leaves_in_the_same_call()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var api = await ApiFactory.StartAsync(CronTestApi.SmtpSettings(smtp, ("Reports:Recipients", "direccion@example.com, datos@example.com")));
        await Seed.UserAsync(api, Seed.UniqueEmail("staff"), "staff");

        var body = await api.RunCronAsync();

        Assert.Equal(2, body.Job("waitlist.weekly-report").Affected());
        Assert.Equal(2, body.Job("email.outbox").Affected());
        var received = smtp.Messages();
        Assert.Equal(2, received.Count);
        Assert.Contains(received, m => m.Contains("To: direccion@example.com"));
        Assert.Contains(received, m => m.Contains("To: datos@example.com"));

        var again = await api.RunCronAsync();
        Assert.Equal(0, again.Job("waitlist.weekly-report").Affected());
        Assert.Equal(0, again.Job("email.outbox").Affected());
        Assert.Equal(2, smtp.Messages().Count);
    }

    [Fact]
    public async Task With_nobody_to_send_to_the_week_stays_unreported_until_there_is()
    {
        await using var api = await ApiFactory.StartAsync(CronTestApi.Settings());

        var nobody = await api.RunJobAsync("waitlist.weekly-report");
        Assert.Equal(("ok", 0), (nobody.Status(), nobody.Affected()));
        Assert.Equal(0, await api.CountAsync("SELECT count(*) FROM weekly_reports"));

        var admin = Seed.UniqueEmail("admin");
        await Seed.UserAsync(api, admin, "admin");
        Assert.Equal(1, (await api.RunJobAsync("waitlist.weekly-report")).Affected());
        Assert.Equal(1, await api.CountAsync("SELECT count(*) FROM email_outbox WHERE to_address = @admin", new { admin }));
    }
}
