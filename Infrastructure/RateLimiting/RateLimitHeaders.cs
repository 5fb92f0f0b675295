namespace Waitlist.Infrastructure.RateLimiting;

internal static class RateLimitHeaders
{
    public static int SecondsUntilReset(RateLimitDecision decision, DateTimeOffset now) =>
        Math.Max(1, (int)Math.Ceiling((decision.ResetsAt - now).TotalSeconds));

    /// <summary>X-RateLimit-Reset is the window's end in Unix seconds, as GitHub's API sends it.</summary>
    public static void Write(HttpResponse response, RateLimitDecision decision, DateTimeOffset now)
    {
        response.Headers["X-RateLimit-Limit"] = decision.Limit.ToString();
        response.Headers["X-RateLimit-Remaining"] = decision.Remaining.ToString();
        response.Headers["X-RateLimit-Reset"] = decision.ResetsAt.ToUnixTimeSeconds().ToString();
        if (!decision.IsAcquired)
            response.Headers.RetryAfter = SecondsUntilReset(decision, now).ToString();
    }
}
