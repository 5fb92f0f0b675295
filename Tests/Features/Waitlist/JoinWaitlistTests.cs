using Waitlist.Features.Waitlist;

namespace Waitlist.Tests.Features.Waitlist;

public sealed class JoinWaitlistTests(ApiFixture fixture) : ApiTests<ApiFixture>(fixture)
{
    private static object Professional(string email, string name = "Ana Pérez Núñez", string field = "Biología molecular") =>
        new { email, type = "professional", name, field };

    private static string UniqueEmail(string prefix = "persona") => $"{prefix}-{Guid.NewGuid():N}@example.com";

    [Fact]
    public async Task Creates_the_entry_normalised_and_answers_201_with_it()
    {
        var email = UniqueEmail("Mixed.Case");
        var response = await Api.ClientFrom(TestIps.Unique()).PostJsonAsync("/api/waitlist",
            new { email = $"  {email.ToUpperInvariant()}  ", type = "empresa", name = "  Laboratorios Ñandú  ", company = " Ñandú S.L. " });

        var body = await response.ShouldBe(HttpStatusCode.Created);
        Assert.Equal(email.ToLowerInvariant(), body.GetProperty("email").GetString());
        Assert.Equal("empresa", body.GetProperty("type").GetString());
        Assert.Equal("Laboratorios Ñandú", body.GetProperty("name").GetString());
        Assert.Equal("Ñandú S.L.", body.GetProperty("company").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, body.GetProperty("field").ValueKind);
        Assert.True(Guid.TryParse(body.GetProperty("id").GetString(), out var id));
        Assert.True(body.GetProperty("position").GetInt64() >= 1);
        Assert.True(DateTimeOffset.UtcNow - body.GetProperty("createdAt").GetDateTimeOffset() < TimeSpan.FromMinutes(1));

        await using var db = await Api.OpenDatabaseAsync();
        var row = await db.QuerySingleAsync<(string Email, string Name, string? Company)>(
            "SELECT email, name, company FROM waitlist_entries WHERE id = @id", new { id });
        Assert.Equal((email.ToLowerInvariant(), "Laboratorios Ñandú", "Ñandú S.L."), row);
    }

    [Fact]
    public async Task Positions_count_the_queue_in_arrival_order()
    {
        var first = await (await Api.ClientFrom(TestIps.Unique()).PostJsonAsync("/api/waitlist", Professional(UniqueEmail()))).ShouldBe(HttpStatusCode.Created);
        var second = await (await Api.ClientFrom(TestIps.Unique()).PostJsonAsync("/api/waitlist", Professional(UniqueEmail()))).ShouldBe(HttpStatusCode.Created);

        Assert.True(second.GetProperty("position").GetInt64() > first.GetProperty("position").GetInt64());
    }

    [Fact]
    public async Task Stores_a_pending_entry_and_queues_a_spanish_email_to_confirm_it_with_a_link_and_one_click_unsubscribe()
    {
        var email = UniqueEmail();
        var ip = TestIps.Unique();
        var body = await (await Api.ClientFrom(ip).PostJsonAsync("/api/waitlist", Professional(email, name: "Íñigo <b>Ruiz</b>")))
            .ShouldBe(HttpStatusCode.Created);

        await using var db = await Api.OpenDatabaseAsync();
        var row = await db.QuerySingleAsync<(string Status, string SignupIp, DateTime? ConfirmedAt, string? ReferralCode)>(
            "SELECT status, host(signup_ip), confirmed_at, referral_code FROM waitlist_entries WHERE id = @id", new { id = Guid.Parse(body.GetProperty("id").GetString()!) });
        Assert.Equal(("pending", ip, (DateTime?)null, (string?)null), row);
        // Queued as a template and its data: nothing is rendered while the visitor waits.
        var stored = await db.QuerySingleAsync<(string Template, string Html, string Text)>(
            "SELECT template, html_body, text_body FROM email_outbox WHERE to_address = @email", new { email });
        Assert.Equal(("WaitlistConfirmation", "", ""), stored);

        var message = Assert.Single(await Api.QueuedEmailsAsync(email)).Message;
        Assert.Equal("Confirma tu correo para entrar en la lista de espera", message.Subject);
        var confirmUrl = await Api.ConfirmLinkAsync(email);
        var unsubscribeUrl = "http://localhost:4000" + await Api.LinkAsync(email, WaitlistEmails.ConfirmationTemplate, "UnsubscribeUrl");
        Assert.Contains($"http://localhost:4000{confirmUrl}", message.TextBody);
        Assert.Contains(unsubscribeUrl, message.TextBody);
        Assert.Contains("Íñigo <b>Ruiz</b>", message.TextBody);
        Assert.Contains("El enlace caduca en 7 días", message.TextBody);
        // The HTML body escapes what people typed.
        Assert.Contains("Íñigo &lt;b&gt;Ruiz&lt;/b&gt;", message.HtmlBody);
        Assert.DoesNotContain("<b>Ruiz</b>", message.HtmlBody);
        Assert.Equal($"<{unsubscribeUrl}>", message.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
    }

    [Fact]
    public async Task A_second_post_for_a_pending_address_is_a_409_that_resends_the_confirmation_at_most_once_an_hour()
    {
        var email = UniqueEmail("pendiente");
        await (await Api.ClientFrom(TestIps.Unique()).PostJsonAsync("/api/waitlist", Professional(email))).ShouldBe(HttpStatusCode.Created);

        await (await Api.ClientFrom(TestIps.Unique()).PostJsonAsync("/api/waitlist", Professional(email.ToUpperInvariant()))).ShouldBe(HttpStatusCode.Conflict);
        Assert.Single(await Api.QueuedEmailsAsync(email));

        await using (var db = await Api.OpenDatabaseAsync())
            await db.ExecuteAsync("UPDATE waitlist_entries SET confirmation_sent_at = now() - interval '61 minutes' WHERE email = @email", new { email });
        var again = Enumerable.Range(0, 5).Select(_ => Api.ClientFrom(TestIps.Unique()).PostJsonAsync("/api/waitlist", Professional(email)));
        Assert.All(await Task.WhenAll(again), response => Assert.Equal(HttpStatusCode.Conflict, response.StatusCode));

        var emails = await Api.QueuedEmailsAsync(email);
        Assert.Equal(2, emails.Count);
        Assert.All(emails, queued => Assert.Equal(WaitlistEmails.ConfirmationTemplate, queued.Template));
        // The resent link confirms the same entry.
        await (await Api.ConfirmAsync(email)).ShouldBePage(HttpStatusCode.OK);
        Assert.Equal("confirmed", await Api.StatusAsync(email));
    }

    [Fact]
    public async Task A_confirmed_address_posted_again_is_a_409_and_sends_nothing()
    {
        var (email, _) = await Api.ConfirmedEntryAsync("confirmada");
        await using (var db = await Api.OpenDatabaseAsync())
            await db.ExecuteAsync("UPDATE waitlist_entries SET confirmation_sent_at = now() - interval '2 days' WHERE email = @email", new { email });

        await (await Api.ClientFrom(TestIps.Unique()).PostJsonAsync("/api/waitlist", Professional(email))).ShouldBe(HttpStatusCode.Conflict);

        Assert.Equal([WaitlistEmails.ConfirmationTemplate, WaitlistEmails.WelcomeTemplate], (await Api.QueuedEmailsAsync(email)).Select(e => e.Template));
    }

    [Fact]
    public async Task Without_required_confirmation_the_entry_counts_at_once_and_gets_its_welcome_email()
    {
        await using var api = await ApiFactory.StartAsync(new Dictionary<string, string?> { ["Waitlist:RequireConfirmation"] = "false" });
        var email = UniqueEmail("directa");

        await (await api.ClientFrom(TestIps.Unique()).PostJsonAsync("/api/waitlist", Professional(email))).ShouldBe(HttpStatusCode.Created);

        Assert.Equal("confirmed", await api.StatusAsync(email));
        var welcome = Assert.Single(await api.QueuedEmailsAsync(email));
        Assert.Equal(WaitlistEmails.WelcomeTemplate, welcome.Template);
        Assert.Equal("Ya estás en la lista de espera: eres el número 1", welcome.Message.Subject);
        Assert.Contains("http://localhost:3000/?ref=", welcome.Message.TextBody);
        await (await api.ClientFrom(TestIps.Unique()).PostJsonAsync("/api/waitlist", Professional(email))).ShouldBe(HttpStatusCode.Conflict);
        Assert.Single(await api.QueuedEmailsAsync(email));
    }

    [Fact]
    public async Task A_registered_email_in_another_letter_case_is_a_409()
    {
        var email = UniqueEmail();
        await (await Api.ClientFrom(TestIps.Unique()).PostJsonAsync("/api/waitlist", Professional(email))).ShouldBe(HttpStatusCode.Created);

        var again = await Api.ClientFrom(TestIps.Unique()).PostJsonAsync("/api/waitlist",
            new { email = email.ToUpperInvariant(), type = "empresa", name = "Otra Empresa", company = "ACME" });

        var body = await again.ShouldBe(HttpStatusCode.Conflict);
        Assert.Equal("""{"error":"Este correo ya está en la lista de espera.","code":"EMAIL_ALREADY_REGISTERED"}""", body.GetRawText());
        await using var db = await Api.OpenDatabaseAsync();
        Assert.Equal(1, await db.ExecuteScalarAsync<int>("SELECT count(*) FROM waitlist_entries WHERE email = @email", new { email }));
        Assert.Equal(1, await db.ExecuteScalarAsync<int>("SELECT count(*) FROM email_outbox WHERE to_address = @email", new { email }));
    }

    [Fact]
    public async Task Fifty_simultaneous_posts_of_one_address_give_one_201_and_49_409s()
    {
        var email = UniqueEmail("carrera");
        var posts = Enumerable.Range(0, 50).Select(i =>
            Api.ClientFrom(TestIps.Unique()).PostJsonAsync("/api/waitlist", Professional(i % 2 == 0 ? email : email.ToUpperInvariant())));

        var statuses = (await Task.WhenAll(posts)).Select(r => r.StatusCode).ToList();

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(49, statuses.Count(s => s == HttpStatusCode.Conflict));
        await using var db = await Api.OpenDatabaseAsync();
        Assert.Equal(1, await db.ExecuteScalarAsync<int>("SELECT count(*) FROM waitlist_entries WHERE email = @email", new { email }));
        Assert.Equal(1, await db.ExecuteScalarAsync<int>("SELECT count(*) FROM email_outbox WHERE to_address = @email", new { email }));
    }

    public static TheoryData<string, string[]> InvalidBodies => new()
    {
        { """{}""", ["email:REQUIRED", "name:REQUIRED", "type:REQUIRED"] },
        { """{"email":"nope","type":"other","name":""}""", ["email:INVALID_EMAIL", "name:REQUIRED", "type:INVALID_TYPE"] },
        { """{"email":"a@b","type":"professional","name":"Ana","field":"Física"}""", ["email:INVALID_EMAIL"] },
        { """{"email":"Ana <ana@example.com>","type":"professional","name":"Ana","field":"Física"}""", ["email:INVALID_EMAIL"] },
        { $$"""{"email":"{{new string('a', 250)}}@example.com","type":"professional","name":"Ana","field":"Física"}""", ["email:TOO_LONG"] },
        { """{"email":"ana@example.com","type":"professional","name":"Ana"}""", ["field:REQUIRED"] },
        { """{"email":"ana@example.com","type":"professional","name":"Ana","field":"   "}""", ["field:REQUIRED"] },
        { """{"email":"ana@example.com","type":"empresa","name":"Ana"}""", ["company:REQUIRED"] },
        { """{"email":"ana@example.com","type":"empresa","name":" A ","company":"ACME"}""", ["name:INVALID_LENGTH"] },
        { $$"""{"email":"ana@example.com","type":"empresa","name":"{{new string('n', 121)}}","company":"ACME"}""", ["name:INVALID_LENGTH"] },
        { $$"""{"email":"ana@example.com","type":"professional","name":"Ana","field":"{{new string('f', 121)}}"}""", ["field:TOO_LONG"] },
        { $$"""{"email":"ana@example.com","type":"empresa","name":"Ana","company":"{{new string('c', 161)}}"}""", ["company:TOO_LONG"] },
        { """{"email":"ana@example.com","type":"Empresa","name":"Ana","company":"ACME"}""", ["type:INVALID_TYPE"] },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task Invalid_input_is_a_400_with_spanish_field_errors(string json, string[] expected)
    {
        var response = await Api.ClientFrom(TestIps.Unique()).PostAsync("/api/waitlist", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        var body = await response.ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal("VALIDATION_FAILED", body.GetProperty("code").GetString());
        Assert.Equal("Los datos enviados no son válidos.", body.GetProperty("error").GetString());
        Assert.Equal(expected, body.FieldErrors());
        Assert.All(body.GetProperty("details").EnumerateArray(), d => Assert.False(string.IsNullOrWhiteSpace(d.GetProperty("message").GetString())));
    }

    [Fact]
    public async Task The_sixth_post_in_a_minute_from_one_ip_is_a_429_with_retry_headers()
    {
        var ip = TestIps.Unique();
        var client = Api.ClientFrom(ip);
        for (var i = 1; i <= 5; i++)
        {
            var allowed = await client.PostJsonAsync("/api/waitlist", new { });
            Assert.Equal(HttpStatusCode.BadRequest, allowed.StatusCode);
            Assert.Equal("5", allowed.Header("X-RateLimit-Limit"));
            Assert.Equal((5 - i).ToString(), allowed.Header("X-RateLimit-Remaining"));
        }

        var limited = await client.PostJsonAsync("/api/waitlist", Professional(UniqueEmail()));

        var body = await limited.ShouldBe(HttpStatusCode.TooManyRequests);
        var retryAfter = int.Parse(limited.Header("Retry-After"));
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal("5", limited.Header("X-RateLimit-Limit"));
        Assert.Equal("0", limited.Header("X-RateLimit-Remaining"));
        var reset = DateTimeOffset.FromUnixTimeSeconds(long.Parse(limited.Header("X-RateLimit-Reset")));
        Assert.InRange(reset, DateTimeOffset.UtcNow.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(61));
        Assert.Equal("RATE_LIMITED", body.GetProperty("code").GetString());
        Assert.Equal($"Demasiadas solicitudes. Inténtalo de nuevo en {retryAfter} segundos.", body.GetProperty("error").GetString());

        // Another client is not affected.
        var other = await Api.ClientFrom(TestIps.Unique()).PostJsonAsync("/api/waitlist", Professional(UniqueEmail()));
        await other.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Ipv6_clients_are_limited_per_64_prefix()
    {
        var prefix = $"2001:db8:{Random.Shared.Next(0x10000):x}:{Random.Shared.Next(0x10000):x}";
        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= 6; i++)
            statuses.Add((await Api.ClientFrom($"{prefix}::{i}").PostJsonAsync("/api/waitlist", new { })).StatusCode);

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.BadRequest, 5), HttpStatusCode.TooManyRequests], statuses);
        var neighbour = $"2001:db8:{Random.Shared.Next(0x10000):x}:{Random.Shared.Next(0x10000):x}::1";
        Assert.Equal(HttpStatusCode.BadRequest, (await Api.ClientFrom(neighbour).PostJsonAsync("/api/waitlist", new { })).StatusCode);
    }

    [Fact]
    public async Task An_untrusted_peer_cannot_dodge_the_limit_by_spoofing_x_forwarded_for()
    {
        // Only 192.0.2.1 is a trusted proxy here, so the loopback test client is an ordinary client.
        await using var api = await ApiFactory.StartAsync(new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies:0"] = "192.0.2.1" });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
            statuses.Add((await api.ClientFrom(TestIps.Unique()).PostJsonAsync("/api/waitlist", new { })).StatusCode);

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.BadRequest, 5), HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task The_limit_is_configurable()
    {
        await using var api = await ApiFactory.StartAsync(new Dictionary<string, string?> { ["RateLimits:waitlist:PermitLimit"] = "2" });
        var client = api.ClientFrom(TestIps.Unique());

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
            statuses.Add((await client.PostJsonAsync("/api/waitlist", new { })).StatusCode);

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task A_database_fault_is_a_500_that_reveals_nothing()
    {
        await using var refusal = await Api.RefuseEntriesNamedAsync("Boom Fault");

        var response = await Api.ClientFrom(TestIps.Unique()).PostJsonAsync("/api/waitlist", Professional(UniqueEmail(), name: "Boom Fault"));

        var body = await response.ShouldBe(HttpStatusCode.InternalServerError);
        Assert.Equal("INTERNAL_ERROR", body.GetProperty("code").GetString());
        Assert.Equal("Se produjo un error inesperado. Inténtalo de nuevo más tarde.", body.GetProperty("error").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("traceId").GetString()));
        var raw = body.GetRawText();
        Assert.DoesNotContain("test_refusal", raw);
        Assert.DoesNotContain("Exception", raw);
        Assert.DoesNotContain(" at ", raw);
    }

    [Fact]
    public async Task Text_the_database_would_refuse_is_a_400_never_a_500()
    {
        var client = Api.ClientFrom(TestIps.Unique());
        // One emoji is one character to PostgreSQL (two UTF-16 units to .NET): too short for a name.
        var emoji = await (await client.PostJsonAsync("/api/waitlist", Professional(UniqueEmail(), name: "😀"))).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal(["name:INVALID_LENGTH"], emoji.FieldErrors());
        var nul = await (await client.PostJsonAsync("/api/waitlist", new { email = UniqueEmail(), type = "empresa", name = "Ana\0B", company = "x\0" })).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal(["company:CONTROL_CHARACTERS", "name:CONTROL_CHARACTERS"], nul.FieldErrors());

        // .NET and PostgreSQL lower-case İ differently; the database's rule is the one stored.
        var dotted = await (await client.PostJsonAsync("/api/waitlist", Professional($"İ{Guid.NewGuid():N}@example.com"))).ShouldBe(HttpStatusCode.Created);
        await using var db = await Api.OpenDatabaseAsync();
        Assert.Equal(1, await db.ExecuteScalarAsync<int>("SELECT count(*) FROM waitlist_entries WHERE email = @email", new { email = dotted.GetProperty("email").GetString() }));
    }

    [Fact]
    public async Task Simultaneous_sign_ups_get_distinct_positions()
    {
        var posts = Enumerable.Range(0, 30).Select(_ =>
            Api.ClientFrom(TestIps.Unique()).PostJsonAsync("/api/waitlist", Professional(UniqueEmail("simultanea"))));

        var positions = new List<long>();
        foreach (var response in await Task.WhenAll(posts))
            positions.Add((await response.ShouldBe(HttpStatusCode.Created)).GetProperty("position").GetInt64());

        Assert.Equal(30, positions.Distinct().Count());
    }

    [Fact]
    public async Task Without_a_database_the_endpoint_answers_503()
    {
        await using var api = new ApiFactory("Host=127.0.0.1;Port=1;Username=postgres;Database=none;Timeout=2",
            new Dictionary<string, string?> { ["Database:StartupTimeoutSeconds"] = "0" });

        var response = await api.ClientFrom(TestIps.Unique()).PostJsonAsync("/api/waitlist", Professional(UniqueEmail()));

        var body = await response.ShouldBe(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("DATABASE_UNAVAILABLE", body.GetProperty("code").GetString());
        Assert.Equal("El servicio no está disponible en este momento. Inténtalo de nuevo en unos minutos.", body.GetProperty("error").GetString());
    }
}
