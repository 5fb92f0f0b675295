using Waitlist.Features.OpenGraph.GetPreviewImage;

namespace Waitlist.Features.OpenGraph;

/// <summary>Loads the renderer at start-up and, unless <c>OpenGraph:WarmUp</c> is off, renders the default image in the background.</summary>
internal sealed class PreviewWarmUp(IServiceScopeFactory scopes, OpenGraphSettings settings, ILogger<PreviewWarmUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var scope = scopes.CreateScope();
        var handler = scope.ServiceProvider.GetRequiredService<Handler>();
        if (!handler.IsAvailable || !settings.WarmUp)
            return;
        try
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var jpeg = await handler.JpegAsync(handler.Describe(new Request(null, null)), stoppingToken);
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
