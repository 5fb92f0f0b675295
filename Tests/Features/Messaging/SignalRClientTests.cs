using Xunit.Abstractions;

namespace Waitlist.Tests.Features.Messaging;

/// <summary>
/// The official <c>@microsoft/signalr</c> npm client (Tests/e2e/realtime-flow.mjs), signed in through the better-auth
/// client, against two API instances on one database: typing, a message posted on A heard on B with the unread count,
/// a read on B heard on A, an untrusted Origin and no session refused, and a sign-out on A closing the connection on B.
/// The script prints how long the message took from its POST on A to the socket on B (figures: bench/messaging).
/// </summary>
public sealed class SignalRClientTests(ITestOutputHelper output)
{
    private const string DashboardOrigin = "http://localhost:3000";

    [Fact]
    public async Task The_official_client_hears_on_one_instance_what_is_done_on_the_other()
    {
        var settings = new Dictionary<string, string?> { ["Auth:TrustedOrigins"] = DashboardOrigin };
        await using var a = await ApiFactory.StartAsync(settings);
        await using var b = new ApiFactory(a.ConnectionString, settings);
        b.StartServer();
        await a.MessagingListeningAsync();
        await b.MessagingListeningAsync();

        var exit = await E2eScripts.RunAsync(output, "realtime-flow.mjs", BaseUrl(a), BaseUrl(b), DashboardOrigin);

        Assert.Equal(0, exit);
    }

    private static string BaseUrl(ApiFactory api)
    {
        api.CreateClient().Dispose(); // fixes the Kestrel address in ClientOptions
        return api.ClientOptions.BaseAddress.ToString().TrimEnd('/');
    }
}
