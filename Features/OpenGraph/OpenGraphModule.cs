namespace Waitlist.Features.OpenGraph;

public static class OpenGraphModule
{
    /// <summary>Previews that must be drawn, per client address; a preview already drawn is not counted.</summary>
    public const string RenderRateLimit = "og-render";

    /// <summary>
    /// The preview renderer and its cache (singletons), loaded at start-up so that a missing libvips, font or
    /// background shows in the start-up log, and the default image rendered ahead of the first previewer.
    /// </summary>
    public static IServiceCollection AddOpenGraph(this IServiceCollection services)
    {
        services.AddSettings<OpenGraphSettings>("OpenGraph");
        services.AddRateLimitPolicy(RenderRateLimit, permitLimit: 30);
        services.AddLibVips();
        services.AddSingleton<PreviewRenderer>();
        services.AddSingleton(provider =>
        {
            var settings = provider.GetRequiredService<OpenGraphSettings>();
            return new RenderedImageCache(settings.CacheBytes, settings.EffectiveConcurrency, settings.MaxQueuedRenders);
        });
        services.AddHostedService<PreviewWarmUp>();
        return services;
    }
}
