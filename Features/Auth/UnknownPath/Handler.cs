namespace Waitlist.Features.Auth.UnknownPath;

/// <summary>
/// Routing falls back here when no auth route matched the request — and also when one matched its path and method
/// but not its content type (a JSON route sent a form or plain text), since the fallback outranks routing's own 415.
/// That second case is a 415, the first a 404.
/// </summary>
internal sealed class Handler(EndpointDataSource endpoints) : IHandler
{
    public ErrorResult Handle(HttpContext context) =>
        ErrorResponses.Result(IsRoute(context.Request) ? CommonTexts.UnsupportedMediaType : CommonTexts.NotFound);

    private bool IsRoute(HttpRequest request) => endpoints.Endpoints.OfType<RouteEndpoint>().Any(endpoint =>
        string.Equals(endpoint.RoutePattern.RawText?.TrimEnd('/'), request.Path.Value?.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)
        && endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains(request.Method, StringComparer.OrdinalIgnoreCase) == true);
}
