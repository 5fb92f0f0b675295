namespace Waitlist.Features.OpenGraph.GetPreviewImage;

/// <summary>200 with the JPEG (headers only for HEAD), or 304 with no body; cacheable for a year either way.</summary>
public sealed class PreviewImageResult : IResult
{
    public const string CacheControl = "public, max-age=31536000, immutable";

    private readonly string _etag;
    private readonly byte[]? _jpeg;

    private PreviewImageResult(string etag, byte[]? jpeg) => (_etag, _jpeg) = (etag, jpeg);

    public static PreviewImageResult Jpeg(string etag, byte[] jpeg) => new(etag, jpeg);

    public static PreviewImageResult NotModified(string etag) => new(etag, null);

    public Task ExecuteAsync(HttpContext context)
    {
        var response = context.Response;
        response.Headers.CacheControl = CacheControl;
        response.Headers.ETag = _etag;
        if (_jpeg is null)
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "image/jpeg";
        response.ContentLength = _jpeg.Length;
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : response.WriteInOnePieceAsync(_jpeg, context.RequestAborted);
    }
}
