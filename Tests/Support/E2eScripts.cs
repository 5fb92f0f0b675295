using System.Diagnostics;
using Xunit.Abstractions;

namespace Waitlist.Tests.Support;

/// <summary>
/// Runs a script of Tests/e2e with Node.js: the official npm clients (better-auth, @better-auth/api-key, @microsoft/signalr) against running
/// API instances. Its dependencies come from the package-lock (<c>npm ci</c>, which scripts/test runs first).
/// </summary>
public static class E2eScripts
{
    private static readonly string[] Packages = ["better-auth", "@better-auth/api-key", "@microsoft/signalr"];

    /// <summary>Runs <c>node <paramref name="script"/> <paramref name="arguments"/></c>, writing its output to the test's; returns its exit code.</summary>
    public static async Task<int> RunAsync(ITestOutputHelper output, string script, params string[] arguments)
    {
        var directory = FindDirectory();
        if (Packages.Any(package => !Directory.Exists(Path.Combine(directory, "node_modules", package))))
            Assert.Equal(0, await RunProcessAsync(output, "npm", ["ci", "--no-audit", "--no-fund"], directory));
        return await RunProcessAsync(output, "node", [script, .. arguments], directory);
    }

    /// <summary>Where <paramref name="api"/> listens, as the scripts take it (no trailing slash).</summary>
    public static string BaseUrl(ApiFactory api)
    {
        api.CreateClient().Dispose(); // fixes the Kestrel address in ClientOptions
        return api.ClientOptions.BaseAddress.ToString().TrimEnd('/');
    }

    private static async Task<int> RunProcessAsync(ITestOutputHelper output, string command, IEnumerable<string> arguments, string directory)
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

    private static string FindDirectory()
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
