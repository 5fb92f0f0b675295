using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Waitlist.Infrastructure.Images;

public static class ImagesSetup
{
    /// <summary>
    /// Registers <see cref="LibVips"/>, loaded from <c>Images:LibVips</c> (default <c>libvips.so.42</c>) at first use.
    /// Every feature that draws images calls this; the first registration wins.
    /// </summary>
    public static IServiceCollection AddLibVips(this IServiceCollection services)
    {
        services.TryAddSingleton(provider =>
        {
            var library = provider.GetRequiredService<IConfiguration>()["Images:LibVips"];
            var vips = LibVips.Load(string.IsNullOrWhiteSpace(library) ? VipsNative.Library : library);
            var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger<LibVips>();
            if (vips.IsAvailable)
                logger.LogInformation("libvips {Version} loaded", vips.Version);
            else
                logger.LogError("Image rendering is disabled: {Problem}", vips.Problem);
            return vips;
        });
        return services;
    }
}
