using Waitlist.Infrastructure.Configuration;
using Waitlist.Infrastructure.Database;
using Waitlist.Infrastructure.RateLimiting;

namespace Waitlist.Features.Waitlist;

public static class WaitlistModule
{
    public const string JoinRateLimit = "waitlist";

    /// <summary>The waitlist's settings, its rate limit (5 posts a minute per client address) and its public surface.</summary>
    public static IServiceCollection AddWaitlist(this IServiceCollection services)
    {
        services.AddSettings<WaitlistSettings>("Waitlist");
        services.AddRateLimitPolicy(JoinRateLimit, permitLimit: 5);
        services.AddScoped(provider => new WaitlistDirectory(provider.GetRequiredService<DbScope>()));
        return services;
    }
}
