
namespace Waitlist.Tests.Features.Auth.Jobs;

public sealed class SessionsCleanupJobTests(CronFixture fixture) : IClassFixture<CronFixture>
{
    private readonly ApiFactory _api = fixture.Api;

    [Fact]
    public async Task Deletes_expired_sessions_and_tokens_keeps_live_ones_and_a_second_run_deletes_nothing()
    {
        var user = await Seed.UserAsync(_api, Seed.UniqueEmail());
        var expiredSession = await Seed.SessionAsync(_api, user, TimeSpan.FromSeconds(-1));
        var liveSession = await Seed.SessionAsync(_api, user, TimeSpan.FromDays(7));
        var expiredReset = await Seed.VerificationAsync(_api, user, TimeSpan.FromMinutes(-10), "password-reset");
        var expiredVerification = await Seed.VerificationAsync(_api, user, TimeSpan.FromDays(-2), "email-verification");
        var liveReset = await Seed.VerificationAsync(_api, user, TimeSpan.FromHours(1), "password-reset");

        var first = await _api.RunJobAsync("sessions.cleanup");
        var second = await _api.RunJobAsync("sessions.cleanup");

        Assert.Equal(("ok", 3), (first.Status(), first.Affected()));
        Assert.Equal(("ok", 0), (second.Status(), second.Affected()));
        Assert.Equal(0, await _api.CountAsync("SELECT count(*) FROM sessions WHERE id = @expiredSession", new { expiredSession }));
        Assert.Equal(1, await _api.CountAsync("SELECT count(*) FROM sessions WHERE id = @liveSession", new { liveSession }));
        Assert.Equal(0, await _api.CountAsync("SELECT count(*) FROM verifications WHERE id IN (@expiredReset, @expiredVerification)", new { expiredReset, expiredVerification }));
        Assert.Equal(1, await _api.CountAsync("SELECT count(*) FROM verifications WHERE id = @liveReset", new { liveReset }));
        Assert.Equal(1, await _api.CountAsync("SELECT count(*) FROM users WHERE id = @user", new { user }));
    }
}
