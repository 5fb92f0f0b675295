using Xunit.Abstractions;

namespace Waitlist.Tests.Features.Auth;

/// <summary>
/// The official <c>better-auth</c> npm client (Tests/e2e/client-flow.mjs) against the running API:
/// sign-up, get-session, sign-out, sign-in by email and username, update-user, list-sessions,
/// revoke-other-sessions, change-password and a rate-limited sign-in.
/// </summary>
public sealed class BetterAuthClientTests(ITestOutputHelper output)
{
    private const string DashboardOrigin = "http://localhost:3000";

    [Fact]
    public async Task The_official_client_completes_the_dashboard_flows()
    {
        await using var api = await ApiFactory.StartAsync(new Dictionary<string, string?> { ["Auth:TrustedOrigins"] = DashboardOrigin }, realPasswordHasher: true);

        var exit = await E2eScripts.RunAsync(output, "client-flow.mjs", E2eScripts.BaseUrl(api), DashboardOrigin);

        Assert.Equal(0, exit);
    }
}
