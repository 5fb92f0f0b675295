using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace Waitlist.Infrastructure.RateLimiting;

/// <summary>
/// Permits of a policy declared with <see cref="RateLimitingSetup.AddRateLimitPolicy"/>, asked for by a handler for
/// work that only some of its requests do (a preview that must be drawn, not one served from memory). The policy's own
/// partitions and store count them, so the window, the X-RateLimit-* headers and the 429 are those of a policy applied
/// by the middleware.
/// </summary>
public sealed class RateLimitPermits(IServiceProvider services) : IDisposable
{
    private readonly ConcurrentDictionary<string, PartitionedRateLimiter<HttpContext>> _limiters = new(StringComparer.Ordinal);

    /// <summary>Counts one hit on the caller's window of <paramref name="policy"/>: null when allowed, else the 429 to answer.</summary>
    public async ValueTask<RateLimitedResult?> AcquireAsync(string policy, HttpContext context)
    {
        var limiter = _limiters.GetOrAdd(policy, name =>
            PartitionedRateLimiter.Create<HttpContext, string>(services.GetRequiredKeyedService<StoreRateLimitPolicy>(name).GetPartition));
        using var lease = await limiter.AcquireAsync(context, 1, context.RequestAborted);
        return lease.IsAcquired ? null : RateLimitedResult.Instance;
    }

    public void Dispose()
    {
        foreach (var limiter in _limiters.Values)
            limiter.Dispose();
    }
}

/// <summary>The 429 of a request its policy refused: Retry-After, X-RateLimit-* and a Spanish message in the endpoint's error format.</summary>
public sealed class RateLimitedResult : IResult
{
    public static readonly RateLimitedResult Instance = new();

    private RateLimitedResult()
    {
    }

    public Task ExecuteAsync(HttpContext httpContext) => RateLimitingSetup.WriteRejectionAsync(httpContext);
}
