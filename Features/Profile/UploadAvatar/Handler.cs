using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Waitlist.Features.Profile.UploadAvatar;

/// <summary>
/// Makes the caller's avatar from the raw image in the body: libvips refuses anything but a JPEG, PNG or WebP of at
/// most 50 megapixels (judged from the header, before decoding), centre-crops it to a square and writes a 256×256 JPEG
/// without metadata. Only that JPEG is kept; <c>user.image</c> then points to its URL, which names its hash.
/// </summary>
internal sealed class Handler(
    DbScope db, UserDirectory users, ProfileStore profiles, LibVips vips, LinkGenerator links, ILogger<Handler> logger) : IHandler
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const long MaxPixels = 50_000_000;
    public const int Size = 256;
    private const int Quality = 85;

    public static readonly string[] ContentTypes = ["image/jpeg", "image/png", "image/webp"];
    private static readonly HashSet<ImageFormat> Formats = [ImageFormat.Jpeg, ImageFormat.Png, ImageFormat.WebP];

    public async Task<Results<Ok<MeResponse>, ErrorResult>> HandleAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var request = context.Request;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !ContentTypes.Contains(contentType.MediaType.Value, StringComparer.OrdinalIgnoreCase))
            return ErrorResponses.Result(ProfileTexts.UnsupportedImageType);
        if (request.ContentLength > MaxBytes)
            return ErrorResponses.Result(ProfileTexts.ImageTooLarge);
        if (!vips.IsAvailable)
            return ErrorResponses.Result(ProfileTexts.ImagesUnavailable);

        // The route raised the body limit to MaxBytes; a longer chunked body fails while it is read (413).
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);

        byte[] jpeg;
        try
        {
            using var square = VipsImage.ThumbnailUntrusted(body.GetBuffer().AsSpan(0, (int)body.Length), Size, Size, Formats, MaxPixels);
            using var opaque = square.ToOpaqueSrgb(background: 255);
            jpeg = opaque.EncodeProgressiveJpeg(Quality);
        }
        catch (ImageRefusedException exception)
        {
            logger.LogInformation("Avatar refused ({Reason}): {Detail}", exception.Reason, exception.Message);
            return ErrorResponses.Result(exception.Reason == ImageRefusal.TooManyPixels ? ProfileTexts.TooManyPixels : ProfileTexts.NotAnImage);
        }

        var user = context.RequiredUser();
        var hash = Convert.ToHexStringLower(SHA256.HashData(jpeg).AsSpan(0, 16));
        var url = links.GetUriByName(context, GetAvatar.Handler.RouteName, new { userId = user.Id, hash })
            ?? throw new InvalidOperationException("The avatar route has no URL.");

        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        await profiles.SaveAvatarAsync(user.Id, hash, jpeg, cancellationToken);
        user = await users.UpdateNameAndImageAsync(user.Id, name: null, changeImage: true, url, cancellationToken);
        var profile = await profiles.FindOrPrefillAsync(user, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(MeResponse.Of(user, profile));
    }
}
