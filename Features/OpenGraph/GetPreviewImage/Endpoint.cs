using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Errors;
using Waitlist.Infrastructure.Http;
using Waitlist.Infrastructure.Images;
using Waitlist.Infrastructure.Validation;

namespace Waitlist.Features.OpenGraph.GetPreviewImage;

public sealed class Endpoint : IEndpoint
{
    public const string Path = "/api/og";
    public const string CacheControl = "public, max-age=31536000, immutable";

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
            .Produces<ApiError>(StatusCodes.Status503ServiceUnavailable);

    private static async Task<IResult> HandleAsync([AsParameters] Request request, Handler handler, HttpContext context, ILogger<Endpoint> logger)
    {
        if (!handler.IsAvailable)
            return ErrorResponses.Result(OpenGraphTexts.Unavailable);

        var preview = handler.Describe(request);
        if (context.Request.IsNotModified(preview.ETag))
            return new JpegResult(preview.ETag, null);

        try
        {
            return new JpegResult(preview.ETag, await handler.JpegAsync(preview, context.RequestAborted));
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
