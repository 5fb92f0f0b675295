using Microsoft.Extensions.Options;
using Waitlist.Infrastructure.Images;

namespace Waitlist.Features.OpenGraph;

public static class OpenGraphSetup
{
    /// <summary>
    /// The preview renderer and its cache (singletons), loaded at start-up so that a missing libvips, font or
    /// background shows in the start-up log, and the default image rendered ahead of the first previewer.
    /// </summary>
    public static IServiceCollection AddOpenGraph(this IServiceCollection services)
    {
        services.AddOptions<OpenGraphOptions>().BindConfiguration(OpenGraphOptions.Section);
        services.AddLibVips();
        services.AddSingleton<PreviewRenderer>();
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<OpenGraphOptions>>().Value;
            return new RenderedImageCache(options.CacheBytes, options.EffectiveConcurrency, options.MaxQueuedRenders);
        });
        services.AddHostedService<PreviewWarmUp>();
        return services;
    }
}

/// <summary>Loads the renderer at start-up and, unless <c>OpenGraph:WarmUp</c> is off, renders the default image in the background.</summary>
internal sealed class PreviewWarmUp(IServiceScopeFactory scopes, IOptions<OpenGraphOptions> options, ILogger<PreviewWarmUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WarmUp)
            return;
        using var scope = scopes.CreateScope();
        var handler = scope.ServiceProvider.GetRequiredService<GetPreviewImage.Handler>();
        if (!handler.IsAvailable)
            return;
        try
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var jpeg = await handler.JpegAsync(handler.Describe(new GetPreviewImage.Request(null, null)), stoppingToken);
            logger.LogInformation("Default preview rendered in {ElapsedMs:F0} ms ({Bytes} bytes)",
                System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds, jpeg.Length);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (VipsException exception)
        {
            logger.LogError(exception, "Rendering the default preview image failed");
        }
    }
}
