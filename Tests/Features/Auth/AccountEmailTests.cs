using Waitlist.Features.Auth.Emails;

namespace Waitlist.Tests.Features.Auth;

/// <summary>
/// The account emails whose timing could tell whether an address is registered. The request path does the same work
/// for every address — one queued row — and the worker does the rest afterwards; with its polling off, the tests see
/// the queue as the request left it, then run the worker themselves.
/// </summary>
public sealed class AccountEmailTests : IAsyncLifetime
{
    private ApiFactory _api = null!;

    public async Task InitializeAsync() =>
        _api = await ApiFactory.StartAsync(new Dictionary<string, string?> { ["Auth:AccountEmailPollSeconds"] = "0" });

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private Task<int> RunWorkerAsync() => _api.Services.GetRequiredService<AccountEmailWorker>().HandleBatchAsync(CancellationToken.None);

    [Theory]
    [InlineData("/api/auth/request-password-reset", "reset-password")]
    [InlineData("/api/auth/send-verification-email", "verify-email")]
    public async Task A_registered_and_an_unknown_address_cost_the_request_the_same_work(string path, string kind)
    {
        var registered = AuthClient.UniqueEmail("registrada");
        await new AuthClient(_api).SignUpAsync(registered);
        await RunWorkerAsync();
        var unknown = AuthClient.UniqueEmail("nadie");
        await using var db = await _api.OpenDatabaseAsync();
        var before = await CountsAsync(db);
        var emailsBefore = await db.ExecuteScalarAsync<long>("SELECT count(*) FROM email_outbox WHERE to_address = @registered", new { registered });

        var known = await (await new AuthClient(_api).PostAsync(path, new { email = registered })).ShouldBe(HttpStatusCode.OK);
        var other = await (await new AuthClient(_api).PostAsync(path, new { email = unknown })).ShouldBe(HttpStatusCode.OK);

        Assert.Equal(known.GetRawText(), other.GetRawText());
        Assert.Equal(before, await CountsAsync(db));
        Assert.Equal([registered, unknown], await db.QueryAsync<string>("SELECT email FROM account_email_requests WHERE kind = @kind ORDER BY id", new { kind }));

        Assert.Equal(2, await RunWorkerAsync());

        Assert.Equal(0, await db.ExecuteScalarAsync<long>("SELECT count(*) FROM account_email_requests"));
        Assert.Equal(emailsBefore + 1, await db.ExecuteScalarAsync<long>("SELECT count(*) FROM email_outbox WHERE to_address = @registered", new { registered }));
        Assert.Equal(0, await db.ExecuteScalarAsync<long>("SELECT count(*) FROM email_outbox WHERE to_address = @unknown", new { unknown }));
    }

    /// <summary>What the request path could have written besides its queued row: tokens and emails.</summary>
    private static async Task<(long Verifications, long Emails)> CountsAsync(Npgsql.NpgsqlConnection db) =>
        (await db.ExecuteScalarAsync<long>("SELECT count(*) FROM verifications"), await db.ExecuteScalarAsync<long>("SELECT count(*) FROM email_outbox"));

    [Fact]
    public async Task A_queued_request_survives_a_restart_and_is_sent_by_the_next_instance()
    {
        var email = AuthClient.UniqueEmail();
        await new AuthClient(_api).SignUpAsync(email);
        await RunWorkerAsync();
        await (await new AuthClient(_api).PostAsync("/api/auth/request-password-reset", new { email })).ShouldBe(HttpStatusCode.OK);

        await using var next = new ApiFactory(_api.ConnectionString);
        await (await next.CreateClient().GetAsync("/health")).ShouldBe(HttpStatusCode.OK);

        Assert.Contains("/reset-password?token=", await next.LatestEmailAsync(email, "Restablece tu contraseña"));
    }
}

/// <summary>Auth:ConcealRegisteredEmails: sign-up answers a registered address exactly as a new one and tells its owner by email.</summary>
public sealed class ConcealedSignUpTests : IAsyncLifetime
{
    private ApiFactory _api = null!;

    public async Task InitializeAsync() =>
        _api = await ApiFactory.StartAsync(new Dictionary<string, string?> { ["Auth:ConcealRegisteredEmails"] = "true" });

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task A_registered_address_gets_the_answer_a_new_one_gets_and_its_owner_an_email()
    {
        var registered = AuthClient.UniqueEmail("registrada");
        var fresh = AuthClient.UniqueEmail("nueva");
        await new AuthClient(_api).PostAsync("/api/auth/sign-up/email", new { name = "Ana", email = registered, password = AuthClient.Password });

        var again = await new AuthClient(_api).PostAsync("/api/auth/sign-up/email", new { name = "Ana", email = registered.ToUpperInvariant(), password = AuthClient.Password });
        var created = await new AuthClient(_api).PostAsync("/api/auth/sign-up/email", new { name = "Ana", email = fresh, password = AuthClient.Password });

        var againBody = await again.ShouldBe(HttpStatusCode.OK);
        var createdBody = await created.ShouldBe(HttpStatusCode.OK);
        Assert.Empty(AuthClient.SetCookies(again));
        Assert.Empty(AuthClient.SetCookies(created));
        Assert.Equal(Shape(createdBody, fresh), Shape(againBody, registered));
        Assert.Contains("Alguien ha intentado crear una cuenta nueva con tu correo", await _api.LatestEmailAsync(registered, "Alguien ha intentado crear una cuenta con tu correo"));
        Assert.Contains("/api/auth/verify-email?token=", await _api.LatestEmailAsync(fresh, "Confirma tu correo electrónico"));
        await using var db = await _api.OpenDatabaseAsync();
        Assert.Equal(1, await db.ExecuteScalarAsync<long>("SELECT count(*) FROM users WHERE email = @registered", new { registered }));
        Assert.Equal(0, await db.ExecuteScalarAsync<long>("SELECT count(*) FROM sessions"));
    }

    /// <summary>The body with the values that must differ (id, timestamps, the address itself) masked.</summary>
    private static string Shape(System.Text.Json.JsonElement body, string email) =>
        System.Text.RegularExpressions.Regex.Replace(body.GetRawText().Replace(email, "EMAIL"),
            "\"(id|createdAt|updatedAt)\":\"[^\"]+\"", m => $"\"{m.Groups[1].Value}\":\"…\"");
}
