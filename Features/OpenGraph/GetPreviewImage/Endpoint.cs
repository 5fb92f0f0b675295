using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Errors;
using Waitlist.Infrastructure.Http;
using Waitlist.Infrastructure.Images;
using Waitlist.Infrastructure.RateLimiting;
using Waitlist.Infrastructure.Validation;

namespace Waitlist.Features.OpenGraph.GetPreviewImage;

public sealed class Endpoint : IEndpoint
{
    public const string Path = "/api/og";
    public const string CacheControl = "public, max-age=31536000, immutable";

    /// <summary>A full queue drains in about two seconds on two cores; a previewer that comes back later finds the image drawn.</summary>
    private const string BusyRetryAfterSeconds = "5";

    public void Map(IEndpointRouteBuilder app)
    {
        Document(app.MapGet(Path, HandleAsync), "GetPreviewImage");
        // Previewers probe with HEAD before they fetch; it is its own operation in the OpenAPI document.
        Document(app.MapMethods(Path, [HttpMethods.Head], HandleAsync), "HeadPreviewImage");
    }

    private static void Document(RouteHandlerBuilder route, string name) =>
        route.WithName(name)
            .WithTags("OpenGraph")
            .WithSummary(OpenGraphTexts.EndpointSummary)
            .WithDescription(OpenGraphTexts.EndpointDescription)
            .Validate<Request>()
            .Produces<Stream>(StatusCodes.Status200OK, "image/jpeg")
            .Produces(StatusCodes.Status304NotModified)
            .Produces<ApiError>(StatusCodes.Status429TooManyRequests)
            .Produces<ApiError>(StatusCodes.Status503ServiceUnavailable);

    private static async Task<IResult> HandleAsync(
        [AsParameters] Request request, Handler handler, RateLimitPermits permits, HttpContext context, ILogger<Endpoint> logger)
    {
        if (!handler.IsAvailable)
            return ErrorResponses.Result(OpenGraphTexts.Unavailable);

        var preview = handler.Describe(request);
        if (context.Request.IsNotModified(preview.ETag))
            return new JpegResult(preview.ETag, null);
        // What is already drawn costs nothing: only requests that need a render count against the client's budget.
        if (handler.TryGetRendered(preview, out var rendered))
            return new JpegResult(preview.ETag, rendered);
        if (await permits.AcquireAsync(RateLimitPolicies.PreviewRender, context) is { } rateLimited)
            return rateLimited;

        try
        {
            return new JpegResult(preview.ETag, await handler.JpegAsync(preview, context.RequestAborted));
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

    /// <summary>200 with the JPEG (headers only for HEAD), or 304 with no body when <c>jpeg</c> is null.</summary>
    private sealed class JpegResult(string etag, byte[]? jpeg) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            var response = context.Response;
            response.Headers.CacheControl = CacheControl;
            response.Headers.ETag = etag;
            if (jpeg is null)
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return Task.CompletedTask;
            }
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "image/jpeg";
            response.ContentLength = jpeg.Length;
            return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : response.Body.WriteAsync(jpeg, context.RequestAborted).AsTask();
        }
    }
}
