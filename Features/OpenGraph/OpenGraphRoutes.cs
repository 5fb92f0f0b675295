namespace Waitlist.Features.OpenGraph;

/// <summary>
/// /api/og: the preview image for social networks' link previewers. Anonymous; images already drawn are unlimited,
/// renders count against the client's <see cref="OpenGraphModule.RenderRateLimit"/> budget (asked for by the handler,
/// which alone knows whether the image must be drawn); errors in the API's contract.
/// </summary>
internal sealed class OpenGraphRoutes : IEndpoint
{
    public const string Path = "/api/og";

    public void Map(IEndpointRouteBuilder app)
    {
        var og = app.MapGroup(Path).WithTags(OpenGraphTexts.Tag);

        // Previewers probe with HEAD before they fetch; it is its own operation in the OpenAPI document.
        foreach (var (method, name) in new[] { (HttpMethods.Get, "GetPreviewImage"), (HttpMethods.Head, "HeadPreviewImage") })
            og.MapMethods("", [method], ([AsParameters] GetPreviewImage.Request request, GetPreviewImage.Handler handler, HttpContext context) =>
                    handler.HandleAsync(request, context))
                .Describe(name, OpenGraphTexts.EndpointSummary, OpenGraphTexts.EndpointDescription)
                .Validate<GetPreviewImage.Request>()
                .Produces<Stream>(StatusCodes.Status200OK, "image/jpeg")
                .Produces(StatusCodes.Status304NotModified)
                .ProducesErrors(StatusCodes.Status429TooManyRequests)
                .PublicContent();
    }
}
