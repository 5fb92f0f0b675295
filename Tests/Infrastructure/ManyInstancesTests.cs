using Waitlist.Tests.Features.Auth;

namespace Waitlist.Tests.Infrastructure;

/// <summary>
/// Two instances of the API on one database behave as one service: rate limits count across them, and a revocation
/// on one ends the session on the other even when the other had it in its session cache.
/// </summary>
public sealed class ManyInstancesTests(ManyInstancesTests.TwoInstances instances) : IClassFixture<ManyInstancesTests.TwoInstances>
{
    private readonly ApiFactory _a = instances.A;
    private readonly ApiFactory _b = instances.B;

    public sealed class TwoInstances : Support.TwoInstances
    {
        protected override Task ReadyAsync(ApiFactory api) => api.SessionCacheActiveAsync();
    }

    private static object Entry() => new { email = $"persona-{Guid.NewGuid():N}@example.com", type = "professional", name = "Ana Pérez", field = "Química" };

    [Fact]
    public async Task Five_waitlist_posts_on_one_instance_use_up_the_limit_on_the_other()
    {
        var ip = TestIps.Unique();
        for (var i = 0; i < 5; i++)
            await (await _a.ClientFrom(ip).PostJsonAsync("/api/waitlist", Entry())).ShouldBe(HttpStatusCode.Created);

        var response = await _b.ClientFrom(ip).PostJsonAsync("/api/waitlist", Entry());

        var body = await response.ShouldBe(HttpStatusCode.TooManyRequests);
        Assert.Equal("RATE_LIMITED", body.GetProperty("code").GetString());
        Assert.Equal("0", response.Header("X-RateLimit-Remaining"));
        Assert.NotNull(response.Headers.RetryAfter);
    }

    /// <summary>A browser signed in through A whose session B has just served, from its cache.</summary>
    private async Task<(AuthClient OnA, AuthClient OnB, string UserId)> SessionCachedOnBAsync()
    {
        var onA = new AuthClient(_a);
        var userId = (await onA.SignUpAsync()).GetProperty("user").GetProperty("id").GetString()!;
        var onB = onA.On(_b);
        await (await onB.GetAsync("/api/auth/get-session")).ShouldBe(HttpStatusCode.OK);
        await (await onB.GetAsync("/api/auth/get-session")).ShouldBe(HttpStatusCode.OK);
        Assert.True(_b.CachesSessionOf(onB));
        return (onA, onB, userId);
    }

    [Fact]
    public async Task A_session_signed_out_on_one_instance_is_refused_by_the_other_that_had_it_cached()
    {
        var (onA, onB, _) = await SessionCachedOnBAsync();

        await (await onA.PostAsync("/api/auth/sign-out")).ShouldBe(HttpStatusCode.OK);
        await _b.DeliveredAsync();

        await RefusedAsync(onB);
    }

    [Fact]
    public async Task A_ban_on_one_instance_ends_the_users_sessions_on_the_other()
    {
        var (_, onB, userId) = await SessionCachedOnBAsync();
        var admin = await AuthClient.SignedInAsAsync(_a, "admin");

        await (await admin.PostAsync("/api/auth/admin/ban-user", new { userId, banReason = "spam" })).ShouldBe(HttpStatusCode.OK);
        await _b.DeliveredAsync();

        await RefusedAsync(onB);
    }

    [Fact]
    public async Task A_revocation_made_while_the_listener_is_down_is_honoured_when_no_notification_can_tell()
    {
        // The cache hides a change made without a notification while its listener is up...
        var (_, control, _) = await SessionCachedOnBAsync();
        await DeleteSessionByHandAsync(control);
        await (await control.GetAsync("/api/auth/get-session")).ShouldBe(HttpStatusCode.OK);

        // ...but once the listening connection is lost, B can no longer trust what it cached.
        var (_, onB, _) = await SessionCachedOnBAsync();
        using var probe = new NotificationProbe(_b, "test_lost");
        await probe.ListeningAsync();
        await _b.TerminateListenersAsync();
        await Conditions.WaitUntilAsync(() => probe.Lost == 1);
        await Conditions.WaitUntilAsync(() => !_b.CachesSessionOf(onB));
        await DeleteSessionByHandAsync(onB);

        await RefusedAsync(onB);
        await _b.SessionCacheActiveAsync();
        await RefusedAsync(onB);
    }

    /// <summary>The instance answers the client as signed out: get-session null, a signed-in route 401.</summary>
    private static async Task RefusedAsync(AuthClient client)
    {
        Assert.Equal("null", await (await client.GetAsync("/api/auth/get-session")).Content.ReadAsStringAsync());
        await (await client.GetAsync("/api/auth/list-sessions")).ShouldBe(HttpStatusCode.Unauthorized);
    }

    private async Task DeleteSessionByHandAsync(AuthClient client)
    {
        await using var db = await _a.OpenDatabaseAsync();
        await db.ExecuteAsync("DELETE FROM sessions WHERE token_hash = sha256(convert_to(@t, 'UTF8'))", new { t = client.SessionToken });
    }
}
