using Waitlist.Infrastructure.Email;

namespace Waitlist.Tests.Infrastructure.Email;

public sealed class EmailOutboxJobTests
{
    [Fact]
    public async Task Delivers_pending_emails_over_smtp_once_and_a_second_run_sends_nothing()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var api = await ApiFactory.StartAsync(CronTestApi.SmtpSettings(smtp, ("EmailOutbox:BatchSize", "2")));
        var joined = Seed.UniqueEmail("apuntada");
        await (await api.ClientFrom(TestIps.Unique()).PostJsonAsync("/api/waitlist", new { email = joined, type = "professional", name = "Ana Pérez", field = "Física" }))
            .ShouldBe(HttpStatusCode.Created);
        var queued = new[] { Seed.UniqueEmail(), Seed.UniqueEmail(), Seed.UniqueEmail(), Seed.UniqueEmail() };
        foreach (var to in queued)
            await Seed.EmailAsync(api, to);

        var first = await api.RunJobAsync("email.outbox");
        var second = await api.RunJobAsync("email.outbox");

        Assert.Equal(("ok", 5), (first.Status(), first.Affected()));
        Assert.Equal(("ok", 0), (second.Status(), second.Affected()));
        var received = smtp.Messages();
        Assert.Equal(5, received.Count);
        foreach (var to in queued.Append(joined))
            Assert.Single(received, m => m.Contains($"To: {to}"));
        Assert.Equal(5, await api.CountAsync("SELECT count(*) FROM email_outbox WHERE status = 'sent' AND sent_at IS NOT NULL AND attempts = 1"));
    }

    [Fact]
    public async Task The_api_delivers_on_its_own_and_drops_the_body_of_a_sent_email()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var api = await ApiFactory.StartAsync(CronTestApi.SmtpSettings(smtp, ("EmailOutbox:PollSeconds", "1")));
        var email = Seed.UniqueEmail("sin-cron");

        await (await api.ClientFrom(TestIps.Unique()).PostJsonAsync("/api/waitlist", new { email, type = "professional", name = "Ana Pérez", field = "Física" }))
            .ShouldBe(HttpStatusCode.Created);

        for (var i = 0; i < 100 && smtp.Messages().Count == 0; i++)
            await Task.Delay(100);
        Assert.Contains($"To: {email}", Assert.Single(smtp.Messages()));
        await using var db = await api.OpenDatabaseAsync();
        for (var i = 0; i < 50 && await db.ExecuteScalarAsync<string>("SELECT status FROM email_outbox WHERE to_address = @email", new { email }) != "sent"; i++)
            await Task.Delay(100);
        var row = await db.QuerySingleAsync<(string Status, string Html, string Text, string? Data)>(
            "SELECT status, html_body, text_body, data::text FROM email_outbox WHERE to_address = @email", new { email });
        Assert.Equal(("sent", "", "", (string?)null), row);
    }

    [Fact]
    public async Task A_refused_email_is_kept_and_retried_with_backoff_until_the_server_accepts_it()
    {
        await using var smtp = await SmtpTestServer.StartRefusingAsync();
        await using var api = await ApiFactory.StartAsync(CronTestApi.SmtpSettings(smtp));
        var to = Seed.UniqueEmail("reintento");
        var id = await Seed.EmailAsync(api, to);

        // First attempt: refused. The row stays pending, counts the attempt and waits a minute.
        var refused = await api.RunJobAsync("email.outbox");
        Assert.Equal("failed", refused.Status());
        var row = await RowAsync(api, id);
        Assert.Equal(("pending", 1), (row.Status, row.Attempts));
        Assert.Contains("451", row.LastError);
        Assert.InRange(row.RetryIn, TimeSpan.FromSeconds(50), TimeSpan.FromSeconds(61));
        Assert.Equal(1, smtp.Refusals());

        // Not due yet: nothing is attempted.
        var early = await api.RunJobAsync("email.outbox");
        Assert.Equal(("ok", 0), (early.Status(), early.Affected()));
        Assert.Equal(1, smtp.Refusals());
        Assert.Equal(1, (await RowAsync(api, id)).Attempts);

        // Due again, refused again: the wait grows to five minutes.
        await MakeDueAsync(api, id);
        Assert.Equal("failed", (await api.RunJobAsync("email.outbox")).Status());
        row = await RowAsync(api, id);
        Assert.Equal(("pending", 2), (row.Status, row.Attempts));
        Assert.InRange(row.RetryIn, TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        Assert.Equal(2, smtp.Refusals());
        Assert.Empty(smtp.Messages());

        // The server recovers: the next due attempt delivers it, exactly once.
        smtp.AcceptFromNowOn();
        await MakeDueAsync(api, id);
        var delivered = await api.RunJobAsync("email.outbox");
        Assert.Equal(("ok", 1), (delivered.Status(), delivered.Affected()));
        row = await RowAsync(api, id);
        Assert.Equal(("sent", 3), (row.Status, row.Attempts));
        await MakeDueAsync(api, id);
        Assert.Equal(0, (await api.RunJobAsync("email.outbox")).Affected());
        Assert.Single(smtp.Messages(), m => m.Contains($"To: {to}"));
        Assert.Equal(2, smtp.Refusals());
    }

    [Fact]
    public async Task After_eight_refused_attempts_an_email_is_dead_and_never_tried_again()
    {
        await using var smtp = await SmtpTestServer.StartRefusingAsync();
        await using var api = await ApiFactory.StartAsync(CronTestApi.SmtpSettings(smtp));
        var id = await Seed.EmailAsync(api, Seed.UniqueEmail("muerto"));

        var waits = new List<TimeSpan>();
        for (var attempt = 1; attempt <= OutboxDelivery.MaxAttempts; attempt++)
        {
            await MakeDueAsync(api, id);
            Assert.Equal("failed", (await api.RunJobAsync("email.outbox")).Status());
            var row = await RowAsync(api, id);
            Assert.Equal(attempt, row.Attempts);
            Assert.Equal(attempt < OutboxDelivery.MaxAttempts ? "pending" : "dead", row.Status);
            waits.Add(row.RetryIn);
        }

        // The waits follow the schedule: 1 min, 5 min, 15 min, 1 h, 4 h, 12 h, 24 h.
        Assert.Equal(OutboxDelivery.MaxAttempts - 1, OutboxDelivery.RetryDelays.Length);
        foreach (var (wait, expected) in waits.Take(OutboxDelivery.RetryDelays.Length).Zip(OutboxDelivery.RetryDelays))
            Assert.InRange(wait, expected - TimeSpan.FromSeconds(10), expected + TimeSpan.FromSeconds(1));

        smtp.AcceptFromNowOn();
        await MakeDueAsync(api, id);
        var afterDeath = await api.RunJobAsync("email.outbox");
        Assert.Equal(("ok", 0), (afterDeath.Status(), afterDeath.Affected()));
        var dead = await RowAsync(api, id);
        Assert.Equal(("dead", 8), (dead.Status, dead.Attempts));
        Assert.Equal(8, smtp.Refusals());
        Assert.Empty(smtp.Messages());
    }

    [Fact]
    public async Task An_email_abandoned_during_its_last_attempt_is_dead_once_its_lease_ends_and_is_not_sent()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var api = await ApiFactory.StartAsync(CronTestApi.SmtpSettings(smtp));
        var id = await Seed.EmailAsync(api, Seed.UniqueEmail("abandonado"));
        await using (var db = await api.OpenDatabaseAsync())
            await db.ExecuteAsync("UPDATE email_outbox SET attempts = @max, next_attempt_at = now() + interval '1 minute' WHERE id = @id", new { id, max = OutboxDelivery.MaxAttempts });

        Assert.Equal(0, (await api.RunJobAsync("email.outbox")).Affected());
        Assert.Equal("pending", (await RowAsync(api, id)).Status); // still leased
        await MakeDueAsync(api, id);
        Assert.Equal(0, (await api.RunJobAsync("email.outbox")).Affected());

        var row = await RowAsync(api, id);
        Assert.Equal(("dead", OutboxDelivery.MaxAttempts), (row.Status, row.Attempts));
        Assert.Equal("abandoned during its last attempt", row.LastError);
        Assert.Empty(smtp.Messages());
    }

    [Fact]
    public async Task Two_instances_delivering_at_once_never_send_an_email_twice()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        var settings = CronTestApi.SmtpSettings(smtp, ("EmailOutbox:BatchSize", "3"));
        await using var first = await ApiFactory.StartAsync(settings);
        await using var second = new ApiFactory(first.ConnectionString, settings);
        second.StartServer();
        var recipients = Enumerable.Range(0, 40).Select(i => Seed.UniqueEmail($"n{i}")).ToList();
        foreach (var to in recipients)
            await Seed.EmailAsync(first, to);

        // Straight to the delivery, past the job's advisory lock: only row locking keeps them apart here.
        var deliveries = new[] { first, second, first, second }
            .Select(api => Task.Run(() => api.Services.GetRequiredService<OutboxDelivery>().DeliverDueAsync(CancellationToken.None)));
        var sent = await Task.WhenAll(deliveries);

        Assert.Equal(recipients.Count, sent.Sum());
        var received = smtp.Messages();
        Assert.Equal(recipients.Count, received.Count);
        foreach (var to in recipients)
            Assert.Single(received, m => m.Contains($"To: {to}"));
        Assert.Equal(recipients.Count, await first.CountAsync("SELECT count(*) FROM email_outbox WHERE status = 'sent' AND attempts = 1"));
    }

    [Fact]
    public async Task A_delivery_skips_the_rows_another_delivery_has_claimed_instead_of_waiting_or_sending_them()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var api = await ApiFactory.StartAsync(CronTestApi.SmtpSettings(smtp));
        var claimedElsewhere = Seed.UniqueEmail("reclamado");
        var free = Seed.UniqueEmail("libre");
        var claimedId = await Seed.EmailAsync(api, claimedElsewhere);
        await Seed.EmailAsync(api, free);

        // Another instance is in the middle of claiming this row: it holds the row lock.
        await using var otherInstance = await api.OpenDatabaseAsync();
        await using var claim = await otherInstance.BeginTransactionAsync();
        await otherInstance.ExecuteAsync("SELECT id FROM email_outbox WHERE id = @claimedId FOR UPDATE", new { claimedId }, claim);

        var sent = await api.Services.GetRequiredService<OutboxDelivery>().DeliverDueAsync(CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(1, sent);
        var received = Assert.Single(smtp.Messages());
        Assert.Contains($"To: {free}", received);
        await claim.RollbackAsync();
        Assert.Equal(0, await api.CountAsync("SELECT attempts FROM email_outbox WHERE id = @claimedId", new { claimedId }));
    }

    [Fact]
    public async Task A_run_stops_claiming_when_its_time_budget_is_spent()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var api = await ApiFactory.StartAsync(CronTestApi.SmtpSettings(smtp, ("EmailOutbox:BatchSize", "1"), ("EmailOutbox:MaxRunSeconds", "0")));
        await Seed.EmailAsync(api, Seed.UniqueEmail());
        await Seed.EmailAsync(api, Seed.UniqueEmail());

        var first = await api.RunJobAsync("email.outbox");

        // A spent budget still lets one batch through, so a queue always moves.
        Assert.Equal(("ok", 1), (first.Status(), first.Affected()));
        Assert.Equal(1, await api.CountAsync("SELECT count(*) FROM email_outbox WHERE status = 'pending' AND attempts = 0"));
    }

    private static async Task MakeDueAsync(ApiFactory api, long id)
    {
        await using var db = await api.OpenDatabaseAsync();
        await db.ExecuteAsync("UPDATE email_outbox SET next_attempt_at = now() WHERE id = @id", new { id });
    }

    private static async Task<OutboxRow> RowAsync(ApiFactory api, long id)
    {
        await using var db = await api.OpenDatabaseAsync();
        return await db.QuerySingleAsync<OutboxRow>(
            "SELECT status, attempts, last_error AS lasterror, next_attempt_at - now() AS retryin FROM email_outbox WHERE id = @id", new { id });
    }

    private sealed record OutboxRow(string Status, int Attempts, string? LastError, TimeSpan RetryIn);
}
