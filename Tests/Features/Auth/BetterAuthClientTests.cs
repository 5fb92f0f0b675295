using Xunit.Abstractions;

namespace Waitlist.Tests.Features.Auth;

/// <summary>
/// The official npm clients (Tests/e2e) against the running API. The dashboard's flow through <c>better-auth</c>
/// (client-flow.mjs): sign-up, get-session, sign-out, sign-in by email and username, update-user, list-sessions,
/// revoke-other-sessions, change-password and a rate-limited sign-in. The api-key plugin's client (api-key-flow.mjs,
/// <c>@better-auth/api-key</c>'s <c>apiKeyClient</c>): create, list, get, update, a refused lifetime and delete, with
/// the key authenticating in <c>x-api-key</c> and as a bearer token until it is disabled.
/// </summary>
public sealed class BetterAuthClientTests(ITestOutputHelper output)
{
    private const string DashboardOrigin = "http://localhost:3000";

    [Theory]
    [InlineData("client-flow.mjs")]
    [InlineData("api-key-flow.mjs")]
    public async Task The_official_client_completes_the_flow(string flow)
    {
        await using var api = await ApiFactory.StartAsync(new Dictionary<string, string?> { ["Auth:TrustedOrigins"] = DashboardOrigin }, realPasswordHasher: true);

        var exit = await E2eScripts.RunAsync(output, flow, E2eScripts.BaseUrl(api), DashboardOrigin);

        Assert.Equal(0, exit);
    }
}
