namespace Waitlist.Features.OpenGraph.GetPreviewImage;

/// <summary>The texts a preview shows and the entity tag that names its bytes.</summary>
public sealed record Preview(string Title, string Subtitle, string ETag);

/// <summary>
/// A preview image: a 304 or an image already drawn costs nothing; a render counts against the client's
/// <see cref="OpenGraphModule.RenderRateLimit"/> budget and waits in a bounded queue.
/// </summary>
public sealed class Handler(PreviewRenderer renderer, RenderedImageCache cache, OpenGraphSettings settings, RateLimitPermits permits,
    ILogger<Handler> logger) : IHandler
{
    /// <summary>A full queue drains in about two seconds on two cores; a previewer that comes back later finds the image drawn.</summary>
    public const string BusyRetryAfterSeconds = "5";

    public bool IsAvailable => renderer.IsAvailable;

    public async Task<Results<PreviewImageResult, RateLimitedResult, ErrorResult>> HandleAsync(Request request, HttpContext context)
    {
        if (!IsAvailable)
            return ErrorResponses.Result(OpenGraphTexts.Unavailable);

        var preview = Describe(request);
        if (context.Request.IsNotModified(preview.ETag))
            return PreviewImageResult.NotModified(preview.ETag);
        if (cache.TryGet(preview.ETag, out var rendered))
            return PreviewImageResult.Jpeg(preview.ETag, rendered);
        if (await permits.AcquireAsync(OpenGraphModule.RenderRateLimit, context) is { } rateLimited)
            return rateLimited;

        try
        {
            return PreviewImageResult.Jpeg(preview.ETag, await JpegAsync(preview, context.RequestAborted));
        }
        catch (RenderQueueFullException)
        {
            context.Response.Headers.RetryAfter = BusyRetryAfterSeconds;
            return ErrorResponses.Result(OpenGraphTexts.Busy);
        }
        catch (VipsException exception)
        {
            logger.LogError(exception, "Rendering a preview image failed");
            return ErrorResponses.Result(OpenGraphTexts.Unavailable);
        }
    }

    /// <summary>What would be drawn, without drawing it: enough to answer a conditional request.</summary>
    public Preview Describe(Request request)
    {
        var title = PreviewText.Normalize(request.Title);
        var subtitle = PreviewText.Normalize(request.Subtitle);
        if (title.Length == 0)
            title = PreviewText.Normalize(settings.Title);
        if (subtitle.Length == 0)
            subtitle = PreviewText.Normalize(settings.Subtitle);
        return new Preview(title, subtitle, renderer.EntityTag(title, subtitle));
    }

    /// <exception cref="RenderQueueFullException">The image needs a render and too many are waiting.</exception>
    public Task<byte[]> JpegAsync(Preview preview, CancellationToken cancellationToken) =>
        cache.GetOrRenderAsync(preview.ETag, () => renderer.Render(preview.Title, preview.Subtitle).Jpeg, cancellationToken);
}
