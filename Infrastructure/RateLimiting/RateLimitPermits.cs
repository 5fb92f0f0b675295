using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace Waitlist.Infrastructure.RateLimiting;

/// <summary>
/// Permits of a named policy, asked for by an endpoint for work that only some of its requests do (a preview
/// that must be drawn, not one served from memory). The policy's own per-IP limiter and store count them, so the
/// window, the X-RateLimit-* headers and the 429 are those of a policy applied by the middleware.
/// </summary>
public sealed class RateLimitPermits(IRateLimitStore store, IHttpContextAccessor accessor, IConfiguration configuration) : IDisposable
{
    private static readonly IResult Rejected = new RejectedResult();
    private readonly ConcurrentDictionary<string, PartitionedRateLimiter<HttpContext>> _limiters = new(StringComparer.Ordinal);

    /// <summary>Counts one hit on the caller's window of <paramref name="policy"/>: null when allowed, else the 429 to answer.</summary>
    public async ValueTask<IResult?> AcquireAsync(string policy, HttpContext context)
    {
        var limiter = _limiters.GetOrAdd(policy, name =>
            PartitionedRateLimiter.Create<HttpContext, string>(RateLimitPolicies.Policy(name, configuration, store, accessor).GetPartition));
        using var lease = await limiter.AcquireAsync(context, 1, context.RequestAborted);
        return lease.IsAcquired ? null : Rejected;
    }

    public void Dispose()
    {
        foreach (var limiter in _limiters.Values)
            limiter.Dispose();
    }

    private sealed class RejectedResult : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => RateLimitPolicies.WriteRejectionAsync(httpContext);
    }
}
