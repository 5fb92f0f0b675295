using System.Security.Cryptography;

namespace Waitlist.Features.Auth.Sessions;

/// <summary>
/// Better Auth's cookies: <c>better-auth.session_token</c> holds <c>token.base64(HMAC-SHA256(secret, token))</c>,
/// URL-encoded; HttpOnly, SameSite=Lax, Path=/, and Secure with the <c>__Secure-</c> prefix when the base URL is https.
/// A value whose signature does not verify is no session at all. Names are matched exactly, as browsers keep them:
/// ASP.NET Core's cookie collection ignores letter case, so it is not used to read them.
/// </summary>
internal sealed class SessionCookies(AuthOptions options)
{
    public const int SessionMaxAgeSeconds = 7 * 24 * 60 * 60;
    private const string Prefix = "better-auth.";
    private const string SecurePrefix = "__Secure-" + Prefix;

    private readonly byte[] _key = Encoding.UTF8.GetBytes(options.Secret);
    private readonly string _namePrefix = (options.SecureCookies ? "__Secure-" : "") + Prefix;

    public string SessionToken => _namePrefix + "session_token";
    public string SessionData => _namePrefix + "session_data";
    public string DontRemember => _namePrefix + "dont_remember";

    /// <summary>Whether the request carries any of Better Auth's cookies (the trigger of the origin check).</summary>
    public static bool AnyIn(HttpRequest request) =>
        Cookies(request).Any(cookie => cookie.Name.StartsWith(Prefix, StringComparison.Ordinal) || cookie.Name.StartsWith(SecurePrefix, StringComparison.Ordinal));

    /// <summary>The session token of a correctly signed cookie, or null.</summary>
    public string? ReadSessionToken(HttpRequest request) =>
        Unsign(Cookies(request).FirstOrDefault(cookie => cookie.Name == SessionToken).Value);

    /// <summary>Every <c>name=value</c> pair of the Cookie headers, names as sent.</summary>
    private static IEnumerable<(string Name, string Value)> Cookies(HttpRequest request)
    {
        foreach (var header in request.Headers.Cookie)
        {
            foreach (var pair in (header ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=');
                if (equals > 0)
                    yield return (pair[..equals].Trim(), pair[(equals + 1)..].Trim().Trim('"'));
            }
        }
    }

    public string Sign(string value) => value + "." + Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(value)));

    public string? Unsign(string? cookieValue)
    {
        if (string.IsNullOrEmpty(cookieValue) || cookieValue.Length > 512)
            return null;
        var decoded = cookieValue.Contains('%') ? Uri.UnescapeDataString(cookieValue) : cookieValue;
        var dot = decoded.LastIndexOf('.');
        if (dot <= 0)
            return null;
        var value = decoded[..dot];
        Span<byte> signature = stackalloc byte[32];
        if (!Convert.TryFromBase64String(decoded[(dot + 1)..], signature, out var written) || written != 32)
            return null;
        var expected = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(value));
        return CryptographicOperations.FixedTimeEquals(expected, signature) ? value : null;
    }

    /// <summary>Sets the session cookie; a session that is not remembered lives only as long as the browser.</summary>
    public void WriteSession(HttpResponse response, string token, bool rememberMe)
    {
        Append(response, SessionToken, Sign(token), rememberMe ? SessionMaxAgeSeconds : null);
        if (rememberMe)
        {
            if (Cookies(response.HttpContext.Request).Any(cookie => cookie.Name == DontRemember))
                Append(response, DontRemember, "", 0);
        }
        else
        {
            Append(response, DontRemember, Sign("true"), null);
        }
    }

    /// <summary>Clears every Better Auth cookie, as Better Auth does on sign-out or when a cookie names no live session.</summary>
    public void Clear(HttpResponse response)
    {
        Append(response, SessionToken, "", 0);
        Append(response, SessionData, "", 0);
        Append(response, DontRemember, "", 0);
    }

    private void Append(HttpResponse response, string name, string value, int? maxAgeSeconds)
    {
        var cookie = new StringBuilder(name).Append('=').Append(Uri.EscapeDataString(value));
        if (maxAgeSeconds is { } maxAge)
            cookie.Append("; Max-Age=").Append(maxAge);
        cookie.Append("; Path=/; HttpOnly; SameSite=Lax");
        if (options.SecureCookies)
            cookie.Append("; Secure");
        response.Headers.Append("Set-Cookie", cookie.ToString());
    }
}
