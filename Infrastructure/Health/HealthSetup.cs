using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Waitlist.Infrastructure.Health;

public static class HealthSetup
{
    /// <summary>The one database probe that every /health request shares.</summary>
    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        return services.AddSingleton<DatabaseProbe>();
    }
}
