using Microsoft.AspNetCore.OpenApi;
using Waitlist.Infrastructure.Endpoints;

namespace Waitlist.Features.Cron;

/// <summary><c>Cron:*</c> settings. <c>Secret</c> is also read from <c>CRON_SECRET</c>.</summary>
public sealed record CronSettings
{
    public string? Secret { get; init; }

    /// <summary>waitlist.archive also archives entries older than this; 0 turns that rule off.</summary>
    public int ArchiveAfterDays { get; init; } = 365;

    /// <summary>cron.runs-cleanup deletes <c>cron_runs</c> rows older than this; 0 keeps them all.</summary>
    public int KeepRunsDays { get; init; } = 90;
}

public static class CronSetup
{
    public static IServiceCollection AddCron(this IServiceCollection services)
    {
        services.AddSingleton(provider => provider.GetRequiredService<IConfiguration>().GetSection("Cron").Get<CronSettings>() ?? new CronSettings());
        services.AddHostedService<CronSecretCheck>();

        // Every job in the assembly: adding a job is adding one file under Jobs/.
        foreach (var job in EndpointDiscovery.ConcreteTypes<ICronJob>())
            services.AddScoped(typeof(ICronJob), job);

        services.Configure<OpenApiOptions>("v1", options => options.AddDocumentTransformer<CronOpenApi>());
        return services;
    }
}

/// <summary>Says at start-up, not at the first refused call, that the cron endpoint cannot work.</summary>
internal sealed class CronSecretCheck(CronSettings settings, ILogger<CronSecretCheck> logger) : IHostedService
{
    public const int RecommendedLength = 32;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(settings.Secret))
            logger.LogWarning("Cron:Secret (CRON_SECRET) is not set: /api/cron refuses every call and no scheduled job runs");
        else if (settings.Secret.Trim().Length < RecommendedLength)
            logger.LogWarning("Cron:Secret (CRON_SECRET) is shorter than {Length} characters; use a long random value (openssl rand -hex 32)", RecommendedLength);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
