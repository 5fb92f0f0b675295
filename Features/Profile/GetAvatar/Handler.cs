using Microsoft.Net.Http.Headers;

namespace Waitlist.Features.Profile.GetAvatar;

/// <summary>
/// An avatar, by the hash its URL carries: those bytes never change, so browsers and CDNs keep them for a year without
/// asking again. A replaced avatar's URL is a 404.
/// </summary>
internal sealed class Handler(ProfileStore profiles) : IHandler
{
    public const string RouteName = "GetAvatar";
    public const string CacheControl = "public, max-age=31536000, immutable";

    /// <summary>32 lowercase hex digits: the first half of the JPEG's SHA-256.</summary>
    public static bool IsWellFormedHash(string hash) => hash.Length == 32 && hash.All(char.IsAsciiHexDigitLower);

    public async Task<Results<FileContentHttpResult, ErrorResult>> HandleAsync(string userId, string hash, HttpContext context, CancellationToken cancellationToken)
    {
        var jpeg = await profiles.FindAvatarJpegAsync(userId, hash, cancellationToken);
        if (jpeg is null)
            return ErrorResponses.Result(ProfileTexts.AvatarNotFound);
        context.Response.Headers.CacheControl = CacheControl;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(jpeg, "image/jpeg", entityTag: new EntityTagHeaderValue($"\"{hash}\""));
    }
}
