using Microsoft.Extensions.Options;
using Waitlist.Infrastructure.Endpoints;

namespace Waitlist.Features.OpenGraph.GetPreviewImage;

/// <summary>The texts a preview shows and the entity tag that names its bytes.</summary>
public sealed record Preview(string Title, string Subtitle, string ETag);

public sealed class Handler(PreviewRenderer renderer, RenderedImageCache cache, IOptions<OpenGraphOptions> options) : IHandler
{
    public bool IsAvailable => renderer.IsAvailable;

    /// <summary>What would be drawn, without drawing it: enough to answer a conditional request.</summary>
    public Preview Describe(Request request)
    {
        var title = PreviewText.Normalize(request.Title);
        var subtitle = PreviewText.Normalize(request.Subtitle);
        if (title.Length == 0)
            title = PreviewText.Normalize(options.Value.Title);
        if (subtitle.Length == 0)
            subtitle = PreviewText.Normalize(options.Value.Subtitle);
        return new Preview(title, subtitle, renderer.EntityTag(title, subtitle));
    }

    /// <summary>The image when it is already rendered: no drawing, no waiting.</summary>
    public bool TryGetRendered(Preview preview, out byte[] jpeg) => cache.TryGet(preview.ETag, out jpeg);

    /// <exception cref="RenderQueueFullException">The image needs a render and too many are waiting.</exception>
    public Task<byte[]> JpegAsync(Preview preview, CancellationToken cancellationToken) =>
        cache.GetOrRenderAsync(preview.ETag, () => renderer.Render(preview.Title, preview.Subtitle).Jpeg, cancellationToken);
}
