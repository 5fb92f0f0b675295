using System.Diagnostics;
using System.Threading.RateLimiting;

namespace Waitlist.Infrastructure.RateLimiting;

/// <summary>
/// One client's fixed window for one policy, counted in <see cref="IRateLimitStore"/>. It also records the
/// window's state on the current request so that allowed responses carry the X-RateLimit-* headers too,
/// which the built-in middleware offers no hook for. Once the store says the client is over its limit, the
/// limiter refuses it by itself until the window ends: a flood from one client then costs the shared store
/// nothing, and no other request waits behind that client's row.
/// The client's simultaneous requests share round trips (<see cref="RoundTripBatcher{TItem, TResult}"/>): while one
/// hit is on its way to the store, those that arrive gather and then go as one, which adds their number at once, and
/// each learns its own count from the total. Counts stay exact on every instance, and a burst from one address costs
/// the database one write per round trip instead of one per request, each of which would wait for the row lock of the
/// one before.
/// </summary>
internal sealed class StoreRateLimiter(IRateLimitStore store, IHttpContextAccessor accessor, string key, RateLimitRule rule) : RateLimiter
{
    private long _lastUsed = Stopwatch.GetTimestamp();
    private long _refusedUntilTicks; // the end of a window the store said is used up (UTC ticks); 0 when none
    private readonly RoundTripBatcher<int, RateLimitCounter> _hits = new(hits => CountAsync(store, key, rule, hits));

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
            // A request may count under two policies (a global one and its endpoint's): the headers and the 429 speak
            // of the tighter.
            var earlier = context.Features.Get<RateLimitDecision>();
            if (earlier is null)
                context.Response.OnStarting(() =>
                {
                    RateLimitHeaders.Write(context.Response, context.Features.Get<RateLimitDecision>()!, TimeProvider.System.GetUtcNow());
                    return Task.CompletedTask;
                });
            if (earlier is null || decision.IsTighterThan(earlier))
                context.Features.Set(decision);
        }
        return decision;
    }

    private async ValueTask<RateLimitDecision> DecideAsync(CancellationToken cancellationToken)
    {
        var refusedUntil = Interlocked.Read(ref _refusedUntilTicks);
        if (TimeProvider.System.GetUtcNow().UtcTicks < refusedUntil)
            return new RateLimitDecision(false, rule.PermitLimit, 0, new DateTimeOffset(refusedUntil, TimeSpan.Zero));

        // A request that gives up has still been counted.
        var counter = await _hits.SendAsync(1, cancellationToken);
        var acquired = counter.Count <= rule.PermitLimit;
        if (!acquired)
            Interlocked.Exchange(ref _refusedUntilTicks, counter.ResetsAt.UtcTicks);
        return new RateLimitDecision(acquired, rule.PermitLimit, Math.Max(0, rule.PermitLimit - counter.Count), counter.ResetsAt);
    }

    /// <summary>
    /// Adds one client's hits together into the store; each learns its own count, as if they had come one after the
    /// other in the batch's order.
    /// </summary>
    private static async Task<IReadOnlyList<RateLimitCounter>> CountAsync(IRateLimitStore store, string key, RateLimitRule rule, IReadOnlyList<int> hits)
    {
        // Not one request's token: the batch counts others' hits too.
        var total = await store.HitAsync(key, hits.Sum(), rule.Window, CancellationToken.None);
        var counters = new RateLimitCounter[hits.Count];
        var after = 0; // the hits counted after the one at i
        for (var i = hits.Count - 1; i >= 0; i--)
        {
            counters[i] = total with { Count = total.Count - after };
            after += hits[i];
        }
        return counters;
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

    /// <summary>Whether this decision binds the client more than <paramref name="other"/>: a refusal, or fewer requests left.</summary>
    public bool IsTighterThan(RateLimitDecision other) =>
        IsAcquired != other.IsAcquired ? !IsAcquired : Remaining < other.Remaining;

    public override IEnumerable<string> MetadataNames => [];

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        metadata = null;
        return false;
    }
}
