using Waitlist.Infrastructure.RateLimiting;

namespace Waitlist.Tests.Infrastructure.RateLimiting;

public sealed class RateLimitCleanupJobTests(CronFixture fixture) : ApiTests<CronFixture>(fixture)
{
    [Fact]
    public async Task Drops_ended_windows_only_and_a_second_run_drops_nothing()
    {
        var store = Api.Services.GetRequiredService<IRateLimitStore>();
        await store.HitAsync("test:ended-1", 1, TimeSpan.FromMilliseconds(1), CancellationToken.None);
        await store.HitAsync("test:ended-2", 1, TimeSpan.FromMilliseconds(1), CancellationToken.None);
        await store.HitAsync("test:live", 1, TimeSpan.FromHours(1), CancellationToken.None);
        await Task.Delay(50);

        var first = await Api.RunJobAsync("ratelimit.cleanup");
        var second = await Api.RunJobAsync("ratelimit.cleanup");

        Assert.Equal(("ok", 2), (first.Status(), first.Affected()));
        Assert.Equal(("ok", 0), (second.Status(), second.Affected()));
        // The live window kept its count.
        Assert.Equal(2, (await store.HitAsync("test:live", 1, TimeSpan.FromHours(1), CancellationToken.None)).Count);
    }
}
