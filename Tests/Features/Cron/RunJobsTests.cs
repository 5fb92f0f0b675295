using Waitlist.Features.Cron;
using Waitlist.Features.Cron.RunJobs;

namespace Waitlist.Tests.Features.Cron;

public sealed class RunJobsTests(CronFixture fixture) : ApiTests<CronFixture>(fixture)
{
    private static readonly string[] AllJobsInRunOrder =
        ["cron.runs-cleanup", "messages.daily-digest", "ratelimit.cleanup", "sessions.cleanup", "waitlist.archive", "waitlist.pending-cleanup", "waitlist.weekly-report", "email.outbox"];

    public static TheoryData<string, string?> RefusedCalls => new()
    {
        { "POST", null },
        { "GET", null },
        { "POST", "Bearer wrong-secret" },
        { "GET", "Bearer wrong-secret" },
        { "POST", "Bearer " + CronTestApi.Secret + "x" },
        { "POST", "Bearer " + CronTestApi.Secret[..^1] },
        { "POST", "Basic " + Convert.ToBase64String("cron:"u8.ToArray()) },
        { "POST", CronTestApi.Secret },
        { "POST", "Bearer" },
    };

    [Theory]
    [MemberData(nameof(RefusedCalls))]
    public async Task A_call_without_the_right_token_is_a_spanish_401_and_changes_nothing(string method, string? authorization)
    {
        var user = await Seed.UserAsync(Api, Seed.UniqueEmail());
        var session = await Seed.SessionAsync(Api, user, TimeSpan.FromHours(-1));
        var entry = await Seed.EntryAsync(Api, Seed.UniqueEmail(), age: TimeSpan.FromDays(800));
        var runsBefore = await Api.CountAsync("SELECT count(*) FROM cron_runs");

        var request = new HttpRequestMessage(new HttpMethod(method), "/api/cron");
        if (authorization is not null)
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        var response = await Api.CreateClient().SendAsync(request);

        var body = await response.ShouldBe(HttpStatusCode.Unauthorized);
        Assert.Equal("CRON_UNAUTHORIZED", body.GetProperty("code").GetString());
        Assert.Equal("Falta el token del cron o no es válido. Envía la cabecera «Authorization: Bearer <CRON_SECRET>».", body.GetProperty("error").GetString());
        Assert.Equal("Bearer", response.Header("WWW-Authenticate"));
        Assert.Equal(runsBefore, await Api.CountAsync("SELECT count(*) FROM cron_runs"));
        Assert.Equal(1, await Api.CountAsync("SELECT count(*) FROM sessions WHERE id = @session", new { session }));
        Assert.Equal(1, await Api.CountAsync("SELECT count(*) FROM waitlist_entries WHERE id = @entry AND archived_at IS NULL", new { entry }));
    }

    [Fact]
    public async Task An_unknown_job_is_a_401_without_the_token_and_a_404_naming_no_job_with_it()
    {
        await (await Api.CronClient(token: null).PostAsync("/api/cron?job=nope", null)).ShouldBe(HttpStatusCode.Unauthorized);

        var body = await (await Api.CronClient().PostAsync("/api/cron?job=sessions.cleanupX", null)).ShouldBe(HttpStatusCode.NotFound);

        Assert.Equal("""{"error":"No existe ninguna tarea programada con ese nombre.","code":"CRON_JOB_NOT_FOUND"}""", body.GetRawText());
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("GET")]
    public async Task Runs_every_job_in_order_and_reports_each(string method)
    {
        var before = DateTimeOffset.UtcNow;
        var response = await Api.CronClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), "/api/cron"));

        var body = await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("no-store", response.Header("Cache-Control"));
        Assert.InRange(body.GetProperty("ranAt").GetDateTimeOffset(), before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        var jobs = body.GetProperty("jobs").EnumerateArray().ToList();
        Assert.Equal(AllJobsInRunOrder, jobs.Select(j => j.GetProperty("name").GetString()));
        Assert.All(jobs, job =>
        {
            Assert.Equal("ok", job.Status());
            Assert.True(job.Affected() >= 0);
            Assert.True(job.GetProperty("durationMs").GetInt64() >= 0);
            Assert.False(job.TryGetProperty("error", out _));
        });

        await using var db = await Api.OpenDatabaseAsync();
        var recorded = (await db.QueryAsync<(string Job, string Status)>(
            "SELECT job, status FROM cron_runs WHERE started_at >= @before ORDER BY id", new { before = before.AddSeconds(-1) })).ToList();
        Assert.Equal(AllJobsInRunOrder.Select(job => (job, "ok")), recorded.TakeLast(AllJobsInRunOrder.Length));
    }

    [Fact]
    public async Task Runs_only_the_named_job_and_records_it()
    {
        var runsBefore = await Api.CountAsync("SELECT count(*) FROM cron_runs");

        var run = await Api.RunJobAsync("ratelimit.cleanup");

        Assert.Equal("ratelimit.cleanup", run.GetProperty("name").GetString());
        Assert.Equal("ok", run.Status());
        Assert.Equal(runsBefore + 1, await Api.CountAsync("SELECT count(*) FROM cron_runs"));
        await using var db = await Api.OpenDatabaseAsync();
        var row = await db.QuerySingleAsync<(string Job, string Status, int Affected, long DurationMs, string? Error)>(
            "SELECT job, status, affected, duration_ms, error FROM cron_runs ORDER BY id DESC LIMIT 1");
        Assert.Equal(("ratelimit.cleanup", "ok", run.Affected(), run.GetProperty("durationMs").GetInt64(), (string?)null), row);
    }

    [Fact]
    public async Task A_failing_job_is_reported_and_recorded_and_the_others_still_run()
    {
        // Any attempt to archive now violates a constraint, so waitlist.archive throws.
        await Seed.EntryAsync(Api, Seed.UniqueEmail(), age: TimeSpan.FromDays(800));
        await using (var db = await Api.OpenDatabaseAsync())
            await db.ExecuteAsync("ALTER TABLE waitlist_entries ADD CONSTRAINT test_refuses_archive CHECK (archived_at IS NULL) NOT VALID");
        try
        {
            var body = await Api.RunCronAsync();

            var failed = body.Job("waitlist.archive");
            Assert.Equal("failed", failed.Status());
            Assert.Equal(0, failed.Affected());
            await using var db = await Api.OpenDatabaseAsync();
            var (id, error) = await db.QuerySingleAsync<(long Id, string Error)>(
                "SELECT id, error FROM cron_runs WHERE job = 'waitlist.archive' AND status = 'failed' ORDER BY id DESC LIMIT 1");
            Assert.Contains("test_refuses_archive", error);
            Assert.Equal($"La tarea falló (ejecución n.º {id}). El detalle está en la tabla cron_runs y en el registro del servidor.", failed.GetProperty("error").GetString());
            Assert.DoesNotContain("test_refuses_archive", body.GetRawText());
            Assert.All(body.GetProperty("jobs").EnumerateArray().Where(j => j.GetProperty("name").GetString() != "waitlist.archive"),
                job => Assert.Equal("ok", job.Status()));
            Assert.Equal(AllJobsInRunOrder.Length, body.GetProperty("jobs").GetArrayLength());
        }
        finally
        {
            await using var db = await Api.OpenDatabaseAsync();
            await db.ExecuteAsync("ALTER TABLE waitlist_entries DROP CONSTRAINT test_refuses_archive");
        }
    }

    [Fact]
    public async Task Two_overlapping_calls_run_a_job_once_and_the_second_reports_it_skipped()
    {
        var user = await Seed.UserAsync(Api, Seed.UniqueEmail());
        var expired = await Seed.SessionAsync(Api, user, TimeSpan.FromMinutes(-5));

        // The test holds the sessions table, so the first call stops inside the job, holding the job's lock.
        await using var blocker = await Api.OpenDatabaseAsync();
        await using var transaction = await blocker.BeginTransactionAsync();
        await blocker.ExecuteAsync("LOCK TABLE sessions IN ACCESS EXCLUSIVE MODE", transaction: transaction);
        var first = Api.CronClient().PostAsync("/api/cron?job=sessions.cleanup", null);
        await Conditions.WaitUntilAsync(async () => await Api.CountAsync("""
            SELECT count(*) FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock' AND query LIKE '%DELETE FROM sessions%'
            """) == 1);

        var second = await Api.RunJobAsync("sessions.cleanup");
        await transaction.CommitAsync();
        var firstRun = Assert.Single((await (await first).ShouldBe(HttpStatusCode.OK)).GetProperty("jobs").EnumerateArray().ToList());

        Assert.Equal("skipped", second.Status());
        Assert.Equal(0, second.Affected());
        Assert.Equal("ok", firstRun.Status());
        Assert.True(firstRun.Affected() >= 1);
        Assert.Equal(0, await Api.CountAsync("SELECT count(*) FROM sessions WHERE id = @expired", new { expired }));
        await using var db = await Api.OpenDatabaseAsync();
        var statuses = (await db.QueryAsync<string>("SELECT status FROM cron_runs WHERE job = 'sessions.cleanup' ORDER BY id DESC LIMIT 2")).Order().ToList();
        Assert.Equal(["ok", "skipped"], statuses);
    }

    [Fact]
    public async Task A_job_whose_lock_another_instance_holds_is_skipped_and_does_nothing()
    {
        var user = await Seed.UserAsync(Api, Seed.UniqueEmail());
        var expired = await Seed.SessionAsync(Api, user, TimeSpan.FromMinutes(-5));
        await using var otherInstance = await Api.OpenDatabaseAsync();
        await otherInstance.ExecuteAsync("SELECT pg_advisory_lock(@key)", new { key = Handler.LockKey("sessions.cleanup") });

        var body = await Api.RunCronAsync();

        Assert.Equal("skipped", body.Job("sessions.cleanup").Status());
        Assert.Equal(1, await Api.CountAsync("SELECT count(*) FROM sessions WHERE id = @expired", new { expired }));
        Assert.All(body.GetProperty("jobs").EnumerateArray().Where(j => j.GetProperty("name").GetString() != "sessions.cleanup"),
            job => Assert.Equal("ok", job.Status()));

        await otherInstance.ExecuteAsync("SELECT pg_advisory_unlock(@key)", new { key = Handler.LockKey("sessions.cleanup") });
        Assert.Equal("ok", (await Api.RunJobAsync("sessions.cleanup")).Status());
        Assert.Equal(0, await Api.CountAsync("SELECT count(*) FROM sessions WHERE id = @expired", new { expired }));
    }

    [Fact]
    public async Task The_endpoint_is_not_rate_limited()
    {
        for (var i = 0; i < 15; i++)
            Assert.Equal("ok", (await Api.RunJobAsync("ratelimit.cleanup")).Status());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_endpoint_and_its_bearer_scheme()
    {
        var document = await Api.CreateClient().OpenApiDocumentAsync();

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("cronSecret");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        foreach (var method in new[] { "get", "post" })
        {
            var operation = document.GetProperty("paths").GetProperty("/api/cron").GetProperty(method);
            Assert.True(operation.GetProperty("security")[0].TryGetProperty("cronSecret", out _));
            Assert.True(operation.GetProperty("responses").TryGetProperty("401", out _));
        }
        Assert.False(document.GetProperty("paths").GetProperty("/api/waitlist").GetProperty("post").TryGetProperty("security", out _));
    }
}

/// <summary>Without a configured secret the endpoint refuses everything, and says so at start-up.</summary>
public sealed class RunJobsWithoutSecretTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Every_call_is_refused(string? secret)
    {
        var settings = new Dictionary<string, string?>();
        if (secret is not null)
            settings["Cron:Secret"] = secret;
        await using var api = await ApiFactory.StartAsync(settings);

        foreach (var token in new[] { "", " ", "null", CronTestApi.Secret })
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/cron");
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
            var body = await (await api.CreateClient().SendAsync(request)).ShouldBe(HttpStatusCode.Unauthorized);
            Assert.Equal("CRON_UNAUTHORIZED", body.GetProperty("code").GetString());
        }
        Assert.Equal(0, await api.CountAsync("SELECT count(*) FROM cron_runs"));
    }

    [Fact]
    public async Task Without_a_database_an_authorised_call_is_a_503()
    {
        await using var api = new ApiFactory("Host=127.0.0.1;Port=1;Username=postgres;Database=none;Timeout=2",
            CronTestApi.Settings(("Database:StartupTimeoutSeconds", "0")));

        var body = await (await api.CronClient().PostAsync("/api/cron", null)).ShouldBe(HttpStatusCode.ServiceUnavailable);

        Assert.Equal("DATABASE_UNAVAILABLE", body.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData(null, "Cron:Secret (CRON_SECRET) is not set: /api/cron refuses every call and no scheduled job runs")]
    [InlineData(" ", "Cron:Secret (CRON_SECRET) is not set: /api/cron refuses every call and no scheduled job runs")]
    [InlineData("short-secret", "Cron:Secret (CRON_SECRET) is shorter than 32 characters; use a long random value (openssl rand -hex 32)")]
    [InlineData(CronTestApi.Secret, null)]
    public async Task Start_up_warns_about_a_missing_or_short_secret(string? secret, string? warning)
    {
        var logs = new LogCapture();
        var check = new CronSecretCheck(new CronSettings { Secret = secret }, logs.CreateLogger<CronSecretCheck>());

        await check.StartAsync(CancellationToken.None);

        Assert.Equal(warning is null ? [] : [(LogLevel.Warning, warning)], logs.Messages);
    }

    private sealed class LogCapture
    {
        public List<(LogLevel Level, string Text)> Messages { get; } = [];

        public ILogger<T> CreateLogger<T>() => new Logger<T>(this);

        private sealed class Logger<T>(LogCapture capture) : ILogger<T>
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                capture.Messages.Add((logLevel, formatter(state, exception)));
        }
    }
}
