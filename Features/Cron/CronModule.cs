using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.OpenApi;

namespace Waitlist.Features.Cron;

/// <summary>The <c>Cron</c> section. <c>Secret</c> is also read from <c>CRON_SECRET</c>.</summary>
public sealed class CronSettings
{
    public string? Secret { get; set; }

    /// <summary>cron.runs-cleanup deletes <c>cron_runs</c> rows older than this; 0 keeps them all.</summary>
    [Range(0, 36500, ErrorMessage = "Cron:KeepRunsDays must be between 0 and 36500.")]
    public int KeepRunsDays { get; set; } = 90;
}

/// <summary>
/// The runner of scheduled jobs: <c>/api/cron</c>, its audit table and its bearer scheme. The jobs themselves live in
/// the features whose data they touch (<see cref="ICronJob"/>).
/// </summary>
public static class CronModule
{
    public static IServiceCollection AddCron(this IServiceCollection services)
    {
        services.AddSettings<CronSettings>("Cron");
        services.AddHostedService<CronSecretCheck>();
        services.AddCronJobs();
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
