using System.Diagnostics;
using System.Threading.RateLimiting;

namespace Waitlist.Infrastructure.RateLimiting;

/// <summary>
/// One client's fixed window for one policy, counted in <see cref="IRateLimitStore"/>. It also records the
/// window's state on the current request so that allowed responses carry the X-RateLimit-* headers too,
/// which the built-in middleware offers no hook for. Once the store says the client is over its limit, the
/// limiter refuses it by itself until the window ends: a flood from one client then costs the shared store
/// nothing, and no other request waits behind that client's row.
/// </summary>
internal sealed class StoreRateLimiter(IRateLimitStore store, IHttpContextAccessor accessor, string key, RateLimitRule rule) : RateLimiter
{
    private long _lastUsed = Stopwatch.GetTimestamp();
    private long _refusedUntilTicks; // the end of a window the store said is used up (UTC ticks); 0 when none

    public override TimeSpan? IdleDuration => Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastUsed));

    public override RateLimiterStatistics? GetStatistics() => null;

    // The store may be remote, so nothing is decided synchronously: the middleware then calls AcquireAsync.
    protected override RateLimitLease AttemptAcquireCore(int permitCount) => RateLimitDecision.Deferred;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _lastUsed, Stopwatch.GetTimestamp());
        var decision = await DecideAsync(cancellationToken);

        if (accessor.HttpContext is { } context)
        {
            context.Features.Set(decision);
            context.Response.OnStarting(() =>
            {
                RateLimitHeaders.Write(context.Response, decision, TimeProvider.System.GetUtcNow());
                return Task.CompletedTask;
            });
        }
        return decision;
    }

    private async ValueTask<RateLimitDecision> DecideAsync(CancellationToken cancellationToken)
    {
        var refusedUntil = Interlocked.Read(ref _refusedUntilTicks);
        if (TimeProvider.System.GetUtcNow().UtcTicks < refusedUntil)
            return new RateLimitDecision(false, rule.PermitLimit, 0, new DateTimeOffset(refusedUntil, TimeSpan.Zero));

        var counter = await store.HitAsync(key, rule.Window, cancellationToken);
        var acquired = counter.Count <= rule.PermitLimit;
        if (!acquired)
            Interlocked.Exchange(ref _refusedUntilTicks, counter.ResetsAt.UtcTicks);
        return new RateLimitDecision(acquired, rule.PermitLimit, Math.Max(0, rule.PermitLimit - counter.Count), counter.ResetsAt);
    }
}

/// <summary>The outcome of one hit, kept on the request as a feature for the headers and the 429 body.</summary>
internal sealed class RateLimitDecision(bool isAcquired, int limit, int remaining, DateTimeOffset resetsAt) : RateLimitLease
{
    public static readonly RateLimitDecision Deferred = new(false, 0, 0, DateTimeOffset.MinValue);

    public override bool IsAcquired => isAcquired;
    public int Limit => limit;
    public int Remaining => remaining;
    public DateTimeOffset ResetsAt => resetsAt;

    public override IEnumerable<string> MetadataNames => [];

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        metadata = null;
        return false;
    }
}
