namespace Waitlist.Features.Auth.Sessions;

/// <summary>
/// The origins a cookie-bearing request may come from and a redirect may point to, as Better Auth decides it: the
/// base URL's origin plus <c>Auth:TrustedOrigins</c> / <c>BETTER_AUTH_TRUSTED_ORIGINS</c>. An entry may start with
/// <c>*.</c> to trust every subdomain (<c>https://*.example.com</c>).
/// </summary>
public sealed class TrustedOrigins
{
    private readonly HashSet<string> _exact = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(string Scheme, string Suffix)> _wildcards = [];

    public TrustedOrigins(AuthOptions options)
    {
        _exact.Add(OriginOf(options.BaseUri));
        foreach (var entry in options.TrustedOrigins)
        {
            var wildcard = entry.IndexOf("*.", StringComparison.Ordinal);
            if (wildcard >= 0)
                _wildcards.Add((entry[..wildcard], entry[(wildcard + 1)..].TrimEnd('/')));
            else if (Uri.TryCreate(entry, UriKind.Absolute, out var uri))
                _exact.Add(OriginOf(uri));
        }
    }

    public bool IsTrusted(string? origin)
    {
        if (string.IsNullOrEmpty(origin) || !Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return false;
        var normalized = OriginOf(uri);
        return _exact.Contains(normalized) || _wildcards.Any(w =>
            (w.Scheme.Length == 0 || normalized.StartsWith(w.Scheme, StringComparison.OrdinalIgnoreCase))
            && normalized.EndsWith(w.Suffix, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// A callbackURL / redirectTo: a same-site path ("/dashboard", not "//evil") or a URL on a trusted origin. It
    /// ends up in a Location header, so only printable ASCII is accepted: spaces, CR/LF and non-ASCII letters must
    /// arrive percent-encoded, as in any URL.
    /// </summary>
    public bool IsTrustedRedirect(string? url)
    {
        if (string.IsNullOrEmpty(url))
            return true;
        if (!url.All(c => c is > ' ' and < '\u007f'))
            return false;
        if (url.StartsWith('/'))
            return !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
        return IsTrusted(url);
    }

    private static string OriginOf(Uri uri) => uri.GetLeftPart(UriPartial.Authority).TrimEnd('/');
}
