namespace Waitlist.Features.Waitlist.GetStats;

/// <summary>
/// The counter for the marketing site («ya somos 1.234»): from <see cref="WaitlistCounter"/>, and cacheable by browsers
/// and CDNs for as long as the API itself keeps it.
/// </summary>
internal sealed class Handler(WaitlistCounter counter) : IHandler
{
    public async Task<Ok<WaitlistCounts>> HandleAsync(HttpContext context)
    {
        var counts = await counter.GetAsync();
        context.Response.Headers.CacheControl = $"public, max-age={(int)WaitlistCounter.Lifetime.TotalSeconds}";
        return TypedResults.Ok(counts);
    }
}
