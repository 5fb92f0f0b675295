using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Waitlist.Features.Auth.Passwords;

namespace Waitlist.Tests.Support;

/// <summary>
/// The API on a real Kestrel socket (so client addresses, forwarded headers and body limits behave as in
/// production) over a database of its own.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public ApiFactory(string connectionString, IReadOnlyDictionary<string, string?>? settings = null)
    {
        ConnectionString = connectionString;
        _settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["ConnectionStrings:Postgres"] = connectionString,
            // Test output shows what went wrong, not one line per request.
            ["Logging:LogLevel:Default"] = "Warning",
        };
        // Tests look at queued emails and run deliveries themselves; a test about the in-process poller turns it on.
        _settings.TryAdd("EmailOutbox:PollSeconds", "0");
        // Rendering the default preview at start-up costs every test host a render; a test about it turns it on.
        _settings.TryAdd("OpenGraph:WarmUp", "false");
        // A test may set its own secret (or none, with an empty value).
        _settings.TryAdd("Auth:Secret", TestSecret);
        UseKestrel(0);
    }

    public const string TestSecret = "test-secret-of-at-least-32-characters-long";

    public string ConnectionString { get; }

    public static async Task<ApiFactory> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, bool realPasswordHasher = false)
    {
        var factory = new ApiFactory(await TestPostgres.CreateDatabaseAsync(), settings) { RealPasswordHasher = realPasswordHasher };
        factory.StartServer();
        return factory;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(Logs));
        if (!RealPasswordHasher)
            builder.ConfigureServices(services => services.AddSingleton<IPasswordHasher, FastPasswordHasher>());
        if (ConfigureTestServices is not null)
            builder.ConfigureServices(ConfigureTestServices);
    }

    /// <summary>What this API logged.</summary>
    public LogCapture Logs { get; } = new();

    /// <summary>
    /// Whether accounts get the production KDF (PBKDF2, about 100 ms a hash) instead of <see cref="FastPasswordHasher"/>:
    /// for the tests of the KDF itself, set before the API starts.
    /// </summary>
    public bool RealPasswordHasher { get; init; }

    /// <summary>Extra services for one test's API (e.g. an <c>IStartupFilter</c> mapping probe endpoints); set before it starts.</summary>
    public Action<IServiceCollection>? ConfigureTestServices { get; init; }

    /// <summary>A client whose requests look, to the API behind its loopback "proxy", as coming from <paramref name="clientIp"/>.</summary>
    public HttpClient ClientFrom(string clientIp)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", clientIp);
        return client;
    }

    public async Task<NpgsqlConnection> OpenDatabaseAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}

/// <summary>One API and database per test class (xunit class fixture).</summary>
public class ApiFixture : IAsyncLifetime
{
    private ApiFactory? _factory;

    public ApiFactory Api => _factory ?? throw new InvalidOperationException("The fixture has not started.");

    /// <summary>The configuration the host starts with beyond the test defaults.</summary>
    protected virtual IReadOnlyDictionary<string, string?>? Settings => null;

    public virtual async Task InitializeAsync() => _factory = await ApiFactory.StartAsync(Settings);

    public async Task DisposeAsync()
    {
        if (_factory is not null)
            await _factory.DisposeAsync();
    }
}

/// <summary>A test class on its fixture's API host.</summary>
public abstract class ApiTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : ApiFixture
{
    protected ApiFactory Api => fixture.Api;
}

public static class TestIps
{
    private static int _next;

    /// <summary>A client address no other test uses (TEST-NET-3 and beyond), so rate-limit windows never collide.</summary>
    public static string Unique()
    {
        var n = Interlocked.Increment(ref _next);
        return $"198.51.{n / 250 % 250}.{n % 250 + 1}";
    }
}
