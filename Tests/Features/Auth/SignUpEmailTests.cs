namespace Waitlist.Tests.Features.Auth;

public sealed class SignUpEmailTests(ApiFixture fixture) : ApiTests<ApiFixture>(fixture)
{
    [Fact]
    public async Task Creates_the_user_signs_them_in_and_queues_a_verification_email()
    {
        var client = new AuthClient(Api);
        var email = AuthClient.UniqueEmail("Mixed.Case");
        var username = AuthClient.UniqueUsername("Ana");

        var response = await client.PostAsync("/api/auth/sign-up/email",
            new { name = "Ana Pérez", email = email.ToUpperInvariant(), password = AuthClient.Password, username });

        var body = await response.ShouldBe(HttpStatusCode.OK);
        var user = body.GetProperty("user");
        Assert.Equal(32, body.GetProperty("token").GetString()!.Length);
        Assert.Equal(email.ToLowerInvariant(), user.GetProperty("email").GetString());
        Assert.Equal("Ana Pérez", user.GetProperty("name").GetString());
        Assert.Equal(username.ToLowerInvariant(), user.GetProperty("username").GetString());
        Assert.Equal(username, user.GetProperty("displayUsername").GetString());
        Assert.Equal("user", user.GetProperty("role").GetString());
        Assert.False(user.GetProperty("emailVerified").GetBoolean());
        Assert.False(user.GetProperty("banned").GetBoolean());
        Assert.Equal(JsonValueKind.Null, user.GetProperty("image").ValueKind);
        Assert.Equal(32, user.GetProperty("id").GetString()!.Length);
        Assert.False(user.TryGetProperty("passwordHash", out _));

        var cookie = Assert.Single(AuthClient.SetCookies(response));
        Assert.Matches(@"^better-auth\.session_token=[A-Za-z0-9]{32}\.[A-Za-z0-9%]+; Max-Age=604800; Path=/; HttpOnly; SameSite=Lax$", cookie);
        Assert.Equal(body.GetProperty("token").GetString(), client.SessionToken);

        await Api.ComposedAsync();
        await using var db = await Api.OpenDatabaseAsync();
        var hash = await db.ExecuteScalarAsync<string>("SELECT password_hash FROM users WHERE email = @email", new { email = email.ToLowerInvariant() });
        Assert.DoesNotContain(AuthClient.Password, hash);
        var outbox = await db.QuerySingleAsync<(string Subject, string TextBody)>(
            "SELECT subject, text_body FROM email_outbox WHERE to_address = @email", new { email = email.ToLowerInvariant() });
        Assert.Equal("Confirma tu correo electrónico", outbox.Subject);
        Assert.Contains("/api/auth/verify-email?token=", outbox.TextBody);
        var session = await db.QuerySingleAsync<(string Ip, string Agent)>(
            "SELECT ip_address, user_agent FROM sessions WHERE user_id = @id", new { id = user.GetProperty("id").GetString() });
        Assert.Equal("AuthTests/1.0", session.Agent);
    }

    [Fact]
    public async Task A_duplicate_email_in_any_letter_case_is_a_422()
    {
        var email = await AuthClient.NewAccountAsync(Api);

        var response = await new AuthClient(Api).PostAsync("/api/auth/sign-up/email",
            new { name = "Otra", email = email.ToUpperInvariant(), password = AuthClient.Password });

        var body = await response.ShouldBe((HttpStatusCode)422);
        Assert.Equal("""{"code":"USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL","message":"Ya existe una cuenta con este correo. Usa otro correo."}""", body.GetRawText());
        Assert.Empty(AuthClient.SetCookies(response));
    }

    [Fact]
    public async Task Ten_simultaneous_sign_ups_of_one_email_create_one_account()
    {
        var email = AuthClient.UniqueEmail("carrera");

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => new AuthClient(Api).PostAsync("/api/auth/sign-up/email",
            new { name = "Carrera", email = i % 2 == 0 ? email : email.ToUpperInvariant(), password = AuthClient.Password })));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(9, responses.Count(r => (int)r.StatusCode == 422));
        await Api.ComposedAsync();
        await using var db = await Api.OpenDatabaseAsync();
        Assert.Equal(1, await db.ExecuteScalarAsync<int>("SELECT count(*) FROM users WHERE lower(email) = @email", new { email }));
        Assert.Equal(1, await db.ExecuteScalarAsync<int>("SELECT count(*) FROM email_outbox WHERE to_address = @email", new { email }));
    }

    [Fact]
    public async Task A_taken_username_in_any_letter_case_is_a_400()
    {
        var username = AuthClient.UniqueUsername();
        await new AuthClient(Api).SignUpAsync(username: username);

        var response = await new AuthClient(Api).PostAsync("/api/auth/sign-up/email",
            new { name = "Otra", email = AuthClient.UniqueEmail(), password = AuthClient.Password, username = username.ToUpperInvariant() });

        var body = await response.ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal("USERNAME_IS_ALREADY_TAKEN", body.GetProperty("code").GetString());
    }

    public static TheoryData<string, string> InvalidBodies => new()
    {
        { """{"email":"not-an-email","password":"Corr3ct-horse-battery","name":"Bad"}""", "VALIDATION_ERROR" },
        { """{"email":"ok@example.com","password":"short","name":"Short"}""", "PASSWORD_TOO_SHORT" },
        { $$"""{"email":"ok@example.com","password":"{{new string('x', 129)}}","name":"Long"}""", "PASSWORD_TOO_LONG" },
        { """{"email":"ok@example.com","password":"Corr3ct-horse-battery"}""", "VALIDATION_ERROR" },
        { """{"name":"x","password":"Corr3ct-horse-battery"}""", "VALIDATION_ERROR" },
        { """{"email":"ok@example.com","name":"x"}""", "VALIDATION_ERROR" },
        { """{"email":"ok@example.com","password":"Corr3ct-horse-battery","name":"I","username":"bad name!"}""", "INVALID_USERNAME" },
        { """{"email":"ok@example.com","password":"Corr3ct-horse-battery","name":"I","username":"ab"}""", "USERNAME_TOO_SHORT" },
        { """{"email":"ok@example.com","password":"Corr3ct-horse-battery","name":"I","username":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}""", "USERNAME_TOO_LONG" },
        { """{"email":"ok@example.com","password":"Corr3ct-horse-battery","name":"I","callbackURL":"https://evil.example/x"}""", "INVALID_CALLBACK_URL" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task Invalid_input_answers_better_auths_code_with_a_spanish_message(string json, string code)
    {
        var response = await new AuthClient(Api).PostRawAsync("/api/auth/sign-up/email", json);

        var body = await response.ShouldBe(code == "INVALID_CALLBACK_URL" ? HttpStatusCode.Forbidden : HttpStatusCode.BadRequest);
        Assert.Equal(code, body.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("message").GetString()));
        Assert.Equal(2, body.EnumerateObject().Count());
        await using var db = await Api.OpenDatabaseAsync();
        Assert.Equal(0, await db.ExecuteScalarAsync<int>("SELECT count(*) FROM users WHERE email = 'ok@example.com'"));
    }

    [Fact]
    public async Task Malformed_json_is_a_400_in_better_auths_shape()
    {
        var body = await (await new AuthClient(Api).PostRawAsync("/api/auth/sign-up/email", "{not json")).ShouldBe(HttpStatusCode.BadRequest);

        Assert.Equal("INVALID_JSON", body.GetProperty("code").GetString());
        Assert.Equal("El cuerpo de la petición no es un JSON válido.", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task An_email_listed_in_auth_admin_emails_is_no_admin_before_it_is_verified()
    {
        var email = AuthClient.UniqueEmail("jefa");
        await using var api = await ApiFactory.StartAsync(new Dictionary<string, string?> { ["Auth:AdminEmails"] = $"otra@example.com, {email.ToUpperInvariant()}" });

        var body = await new AuthClient(api).SignUpAsync(email);

        Assert.Equal("user", body.GetProperty("user").GetProperty("role").GetString());
    }

    [Fact]
    public async Task The_fourth_sign_up_in_a_minute_from_one_ip_is_a_429()
    {
        var ip = TestIps.Unique();
        for (var i = 0; i < 3; i++)
            await new AuthClient(Api, ip: ip).PostRawAsync("/api/auth/sign-up/email", "{}");

        var response = await new AuthClient(Api, ip: ip).PostAsync("/api/auth/sign-up/email",
            new { name = "R", email = AuthClient.UniqueEmail(), password = AuthClient.Password });

        var body = await response.ShouldBe(HttpStatusCode.TooManyRequests);
        Assert.Equal("RATE_LIMITED", body.GetProperty("code").GetString());
        Assert.StartsWith("Demasiadas solicitudes.", body.GetProperty("message").GetString());
        Assert.InRange(int.Parse(response.Header("X-Retry-After")), 1, 60);
        Assert.Equal(response.Header("X-Retry-After"), response.Header("Retry-After"));
    }
}
