using System.Diagnostics;
using Xunit.Abstractions;

namespace Waitlist.Tests.Features.Auth;

/// <summary>
/// The official <c>better-auth</c> npm client (Tests/e2e, installed with <c>npm ci</c>) against the running API:
/// sign-up, get-session, sign-out, sign-in by email and username, update-user, list-sessions,
/// revoke-other-sessions, change-password and a rate-limited sign-in.
/// </summary>
public sealed class BetterAuthClientTests(ITestOutputHelper output)
{
    private const string DashboardOrigin = "http://localhost:3000";

    [Fact]
    public async Task The_official_client_completes_the_dashboard_flows()
    {
        var e2e = FindE2eDirectory();
        if (!Directory.Exists(Path.Combine(e2e, "node_modules", "better-auth")))
            Assert.Equal(0, await RunAsync("npm", "ci --no-audit --no-fund", e2e));
        await using var api = await ApiFactory.StartAsync(new Dictionary<string, string?> { ["Auth:TrustedOrigins"] = DashboardOrigin }, realPasswordHasher: true);
        api.CreateClient().Dispose(); // fixes the Kestrel address in ClientOptions
        var baseUrl = api.ClientOptions.BaseAddress.ToString().TrimEnd('/');

        var exit = await RunAsync("node", $"client-flow.mjs {baseUrl} {DashboardOrigin}", e2e);

        Assert.Equal(0, exit);
    }

    private async Task<int> RunAsync(string command, string arguments, string directory)
    {
        var start = new ProcessStartInfo(command, arguments) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        output.WriteLine(await stdout);
        output.WriteLine(await stderr);
        return process.ExitCode;
    }

    private static string FindE2eDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "Tests", "e2e");
            if (File.Exists(Path.Combine(candidate, "package.json")))
                return candidate;
            if (File.Exists(Path.Combine(dir.FullName, "e2e", "package.json")))
                return Path.Combine(dir.FullName, "e2e");
        }
        throw new DirectoryNotFoundException("Tests/e2e/package.json not found above " + AppContext.BaseDirectory);
    }
}
