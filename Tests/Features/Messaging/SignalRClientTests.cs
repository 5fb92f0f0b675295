using Xunit.Abstractions;

namespace Waitlist.Tests.Features.Messaging;

/// <summary>
/// The official <c>@microsoft/signalr</c> npm client (Tests/e2e/realtime-flow.mjs), signed in through the better-auth
/// client, against two API instances on one database: typing, a message posted on A heard on B with the unread count,
/// a read on B heard on A, an untrusted Origin and no session refused, and a sign-out on A closing the connection on B.
/// The script prints how long the message took from its POST on A to the socket on B (figures: bench/messaging).
/// </summary>
public sealed class SignalRClientTests(RealtimeTests.TwoInstances instances, ITestOutputHelper output) : IClassFixture<RealtimeTests.TwoInstances>
{
    [Fact]
    public async Task The_official_client_hears_on_one_instance_what_is_done_on_the_other()
    {
        var exit = await E2eScripts.RunAsync(output, "realtime-flow.mjs", E2eScripts.BaseUrl(instances.A), E2eScripts.BaseUrl(instances.B), AuthClient.TrustedOrigin);

        Assert.Equal(0, exit);
    }
}
