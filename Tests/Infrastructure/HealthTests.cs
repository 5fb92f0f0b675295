using System.Net.Sockets;
using Waitlist.Infrastructure.Health;

namespace Waitlist.Tests.Infrastructure;

public sealed class HealthTests(ApiFixture fixture) : ApiTests<ApiFixture>(fixture)
{
    [Fact]
    public async Task Answers_ok_when_the_database_answers()
    {
        var body = await (await Api.CreateClient().GetAsync("/health")).ShouldBe(HttpStatusCode.OK);

        Assert.Equal("""{"status":"ok"}""", body.GetRawText());
    }

    [Fact]
    public async Task Answers_head_requests_for_uptime_checkers()
    {
        var response = await Api.CreateClient().SendAsync(new HttpRequestMessage(HttpMethod.Head, "/health"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Answers_503_when_the_database_does_not()
    {
        await using var api = new ApiFactory("Host=127.0.0.1;Port=1;Username=postgres;Database=none;Timeout=2",
            new Dictionary<string, string?> { ["Database:StartupTimeoutSeconds"] = "0" });

        var body = await (await api.CreateClient().GetAsync("/health")).ShouldBe(HttpStatusCode.ServiceUnavailable);

        Assert.Equal("""{"status":"unavailable"}""", body.GetRawText());
    }

    [Fact]
    public async Task The_openapi_document_gives_the_503_the_body_health_answers()
    {
        var document = await Api.CreateClient().OpenApiDocumentAsync();

        var unavailable = document.Response("/health", "get", "503");

        Assert.Equal("#/components/schemas/HealthStatus",
            unavailable.GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
    }

    [Fact]
    public async Task Simultaneous_requests_share_one_probe_and_its_answer_stands_for_a_second()
    {
        var clock = new ManualClock();
        await using var api = await StartWithClockAsync(clock);
        var client = api.CreateClient();
        var probe = api.Services.GetRequiredService<DatabaseProbe>();

        var burst = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => client.GetAsync("/health")));
        var again = await client.GetAsync("/health");

        Assert.All(burst.Append(again), response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        Assert.Equal(1, probe.Probes);

        clock.Advance(DatabaseProbe.ReuseFor);
        await (await client.GetAsync("/health")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(2, probe.Probes);
    }

    [Fact]
    public async Task A_database_that_goes_away_turns_health_into_a_503_once_the_last_answer_is_a_second_old()
    {
        var clock = new ManualClock();
        await using var api = await StartWithClockAsync(clock);
        var client = api.CreateClient();
        await (await client.GetAsync("/health")).ShouldBe(HttpStatusCode.OK);

        await using (var admin = new NpgsqlConnection(TestPostgres.AdminConnectionString))
        {
            await admin.OpenAsync();
            var database = new NpgsqlConnectionStringBuilder(api.ConnectionString).Database;
            await using var drop = new NpgsqlCommand($"DROP DATABASE {database} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
        var withinTheSecond = await client.GetAsync("/health");
        clock.Advance(DatabaseProbe.ReuseFor);
        HttpResponseMessage? afterIt = null;
        await Conditions.WaitUntilAsync(async () => (afterIt = await client.GetAsync("/health")).StatusCode != HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.OK, withinTheSecond.StatusCode);
        var body = await afterIt!.ShouldBe(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("""{"status":"unavailable"}""", body.GetRawText());
        Assert.Equal(2, api.Services.GetRequiredService<DatabaseProbe>().Probes);
    }

    [Fact]
    public async Task A_database_that_accepts_connections_but_never_answers_is_a_503_not_a_hang()
    {
        // A listener that never accepts: the kernel completes the TCP handshake, and nothing ever answers.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        // Npgsql's longest connection timeout: only the probe's own timeout can end the wait.
        await using var api = new ApiFactory($"Host=127.0.0.1;Port={port};Username=postgres;Database=none;Timeout=1024",
            new Dictionary<string, string?>
            {
                ["Database:StartupTimeoutSeconds"] = "0",
                // The migrator waits on the silent server too; stopping the test's API need not wait for it.
                ["shutdownTimeoutSeconds"] = "1",
            });
        var client = api.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(60);

        var first = await client.GetAsync("/health");
        var second = await client.GetAsync("/health");

        var body = await first.ShouldBe(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("""{"status":"unavailable"}""", body.GetRawText());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.StatusCode);
        Assert.Equal(1, api.Services.GetRequiredService<DatabaseProbe>().Probes);
    }

    private static async Task<ApiFactory> StartWithClockAsync(TimeProvider clock)
    {
        var api = new ApiFactory(await TestPostgres.CreateDatabaseAsync())
        {
            ConfigureTestServices = services => services.AddSingleton(clock),
        };
        api.StartServer();
        return api;
    }
}
