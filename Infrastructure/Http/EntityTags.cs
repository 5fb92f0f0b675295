using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Waitlist.Infrastructure.Http;

/// <summary>Strong entity tags and the conditional GET that answers a matching <c>If-None-Match</c> with a 304.</summary>
public static class EntityTags
{
    /// <summary>A strong entity tag that names <paramref name="bytes"/>: equal bytes, equal tag.</summary>
    public static string Of(ReadOnlySpan<byte> bytes) => $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..40]}\"";

    /// <summary>If-None-Match uses the weak comparison (RFC 9110 §13.1.2): <c>W/"x"</c> matches <c>"x"</c>, and <c>*</c> matches anything.</summary>
    public static bool IsNotModified(this HttpRequest request, string etag)
    {
        if (!EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out var tags))
            return false;
        var current = EntityTagHeaderValue.Parse(etag);
        return tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false));
    }
}
