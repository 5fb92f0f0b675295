using System.Diagnostics;
using System.Threading.RateLimiting;

namespace Waitlist.Infrastructure.RateLimiting;

/// <summary>
/// One client's fixed window for one policy, counted in <see cref="IRateLimitStore"/>. It also records the
/// window's state on the current request so that allowed responses carry the X-RateLimit-* headers too,
/// which the built-in middleware offers no hook for. Once the store says the client is over its limit, the
/// limiter refuses it by itself until the window ends: a flood from one client then costs the shared store
/// nothing, and no other request waits behind that client's row.
/// The client's simultaneous requests share round trips: while one hit is on its way to the store, those that arrive
/// gather and then go as one, which adds their number at once, and each learns its own count from the total. Counts
/// stay exact on every instance, and a burst from one address costs the database one write per round trip instead of
/// one per request, each of which would wait for the row lock of the one before.
/// </summary>
internal sealed class StoreRateLimiter(IRateLimitStore store, IHttpContextAccessor accessor, string key, RateLimitRule rule) : RateLimiter
{
    private long _lastUsed = Stopwatch.GetTimestamp();
    private long _refusedUntilTicks; // the end of a window the store said is used up (UTC ticks); 0 when none
    private readonly Lock _gate = new();
    private bool _counting;         // a batch is on its way to the store
    private PendingHits? _gathering; // the hits that will go next

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

        var counter = await CountAsync(cancellationToken);
        var acquired = counter.Count <= rule.PermitLimit;
        if (!acquired)
            Interlocked.Exchange(ref _refusedUntilTicks, counter.ResetsAt.UtcTicks);
        return new RateLimitDecision(acquired, rule.PermitLimit, Math.Max(0, rule.PermitLimit - counter.Count), counter.ResetsAt);
    }

    private async Task<RateLimitCounter> CountAsync(CancellationToken cancellationToken)
    {
        PendingHits batch;
        int position;
        bool send;
        lock (_gate)
        {
            batch = _gathering ??= new PendingHits();
            position = ++batch.Count;
            send = !_counting;
            if (send)
                (_counting, _gathering) = (true, null);
        }
        if (send)
            _ = SendAsync(batch);
        // A request that gives up has still been counted.
        var total = await batch.Counted.Task.WaitAsync(cancellationToken);
        return total with { Count = total.Count - batch.Count + position };
    }

    /// <summary>Sends <paramref name="batch"/>, then whatever gathered meanwhile, until nothing has.</summary>
    private async Task SendAsync(PendingHits? batch)
    {
        while (batch is not null)
        {
            try
            {
                // Not one request's token: the batch counts others' hits too.
                batch.Counted.SetResult(await store.HitAsync(key, batch.Count, rule.Window, CancellationToken.None));
            }
            catch (Exception exception)
            {
                batch.Counted.SetException(exception);
            }
            lock (_gate)
            {
                (batch, _gathering) = (_gathering, null);
                _counting = batch is not null;
            }
        }
    }

    /// <summary>Hits counted together; <see cref="Count"/> changes only under the limiter's gate, until the batch is sent.</summary>
    private sealed class PendingHits
    {
        public int Count;
        public readonly TaskCompletionSource<RateLimitCounter> Counted = new(TaskCreationOptions.RunContinuationsAsynchronously);
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
