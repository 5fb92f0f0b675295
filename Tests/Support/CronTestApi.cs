using System.Net.Http.Headers;

namespace Waitlist.Tests.Support;

/// <summary>Starting an API with a cron secret, calling /api/cron with it, and reading the answer.</summary>
public static class CronTestApi
{
    public const string Secret = "test-cron-secret-3f9a1c7e5b2d4068a1c3e5f7092b4d6f";

    public static Dictionary<string, string?> Settings(params (string Key, string? Value)[] more)
    {
        var settings = new Dictionary<string, string?> { ["Cron:Secret"] = Secret };
        foreach (var (key, value) in more)
            settings[key] = value;
        return settings;
    }

    public static Dictionary<string, string?> SmtpSettings(SmtpTestServer smtp, params (string Key, string? Value)[] more) =>
        Settings([("Smtp:Host", "127.0.0.1"), ("Smtp:Port", smtp.Port.ToString()), ("Smtp:EnableSsl", "false"), ("Smtp:From", "Waitlist <no-reply@example.com>"), .. more]);

    public static HttpClient CronClient(this ApiFactory api, string? token = Secret)
    {
        var client = api.CreateClient();
        if (token is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>POSTs /api/cron (one job, or all), asserts 200 and returns the body.</summary>
    public static async Task<JsonElement> RunCronAsync(this ApiFactory api, string? job = null) =>
        await (await api.CronClient().PostAsync(job is null ? "/api/cron" : $"/api/cron?job={job}", null)).ShouldBe(HttpStatusCode.OK);

    /// <summary>Runs one job and returns its entry of the answer.</summary>
    public static async Task<JsonElement> RunJobAsync(this ApiFactory api, string job) =>
        Assert.Single((await api.RunCronAsync(job)).GetProperty("jobs").EnumerateArray().ToList());

    public static JsonElement Job(this JsonElement body, string name) =>
        body.GetProperty("jobs").EnumerateArray().Single(j => j.GetProperty("name").GetString() == name);

    public static string Status(this JsonElement run) => run.GetProperty("status").GetString()!;

    public static int Affected(this JsonElement run) => run.GetProperty("affected").GetInt32();

    public static async Task<long> CountAsync(this ApiFactory api, string sql, object? parameters = null)
    {
        await using var db = await api.OpenDatabaseAsync();
        return await db.ExecuteScalarAsync<long>(sql, parameters);
    }
}

/// <summary>One API with a cron secret, and a database, per test class.</summary>
public sealed class CronFixture : ApiFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => CronTestApi.Settings();
}

/// <summary>Rows the jobs work on, inserted directly (the Auth endpoints are another feature's).</summary>
public static class Seed
{
    public static async Task<string> UserAsync(ApiFactory api, string email, string role = "user", bool banned = false)
    {
        var id = Guid.NewGuid().ToString("N");
        await using var db = await api.OpenDatabaseAsync();
        await db.ExecuteAsync("INSERT INTO users (id, name, email, role, banned) VALUES (@id, 'Persona de Prueba', normalized_email(@email), @role, @banned)", new { id, email, role, banned });
        return id;
    }

    public static async Task<string> SessionAsync(ApiFactory api, string userId, TimeSpan expiresIn)
    {
        var id = Guid.NewGuid().ToString("N");
        await using var db = await api.OpenDatabaseAsync();
        await db.ExecuteAsync("INSERT INTO sessions (id, token_hash, user_id, expires_at) VALUES (@id, @hash, @userId, now() + @expiresIn)",
            new { id, hash = Guid.NewGuid().ToByteArray(), userId, expiresIn });
        return id;
    }

    public static async Task<string> VerificationAsync(ApiFactory api, string userId, TimeSpan expiresIn, string purpose = "password-reset")
    {
        var id = Guid.NewGuid().ToString("N");
        await using var db = await api.OpenDatabaseAsync();
        await db.ExecuteAsync("INSERT INTO verifications (id, purpose, token_hash, user_id, expires_at) VALUES (@id, @purpose, @hash, @userId, now() + @expiresIn)",
            new { id, purpose, hash = Guid.NewGuid().ToByteArray(), userId, expiresIn });
        return id;
    }

    /// <summary>
    /// A waitlist entry created <paramref name="age"/> ago (or at <paramref name="createdAtSql"/>, an SQL expression):
    /// confirmed then, with a referral code, unless <paramref name="status"/> is pending.
    /// </summary>
    public static async Task<Guid> EntryAsync(ApiFactory api, string email, TimeSpan? age = null, string type = "professional", string? field = "Física",
        string? createdAtSql = null, string status = "confirmed")
    {
        var id = Guid.NewGuid();
        var createdAt = createdAtSql ?? "now() - @age";
        await using var db = await api.OpenDatabaseAsync();
        await db.ExecuteAsync($"""
            INSERT INTO waitlist_entries (id, email, type, name, field, company, created_at, status, confirmed_at, referral_code)
            SELECT @id, normalized_email(@email), @type, 'Persona de Prueba', @field, @company, created_at, @status,
                   CASE WHEN @status = 'confirmed' THEN created_at END, CASE WHEN @status = 'confirmed' THEN waitlist_new_referral_code() END
            FROM (SELECT ({createdAt})::timestamptz AS created_at) AS t
            """,
            new { id, email, type, field, company = type == "empresa" ? "Empresa S.L." : null, age = age ?? TimeSpan.Zero, status });
        return id;
    }

    public static async Task<long> EmailAsync(ApiFactory api, string to, string subject = "Prueba")
    {
        await using var db = await api.OpenDatabaseAsync();
        return await db.ExecuteScalarAsync<long>(
            "INSERT INTO email_outbox (to_address, subject, html_body, text_body) VALUES (@to, @subject, '<p>Hola</p>', 'Hola') RETURNING id", new { to, subject });
    }

    public static string UniqueEmail(string prefix = "persona") => $"{prefix}-{Guid.NewGuid():N}@example.com";
}
