namespace Waitlist.Features.Auth.Tokens;

/// <summary>The token API's success body: <c>{ status: "success", data }</c>.</summary>
internal sealed record TokenSuccess<T>(string Status, T Data);

internal static class TokenSuccess
{
    public static TokenSuccess<T> Of<T>(T data) => new("success", data);
}

internal static class TokenResponses
{
    /// <summary>The <c>token_type</c> of every answer (RFC 6750).</summary>
    public const string Bearer = "bearer";

    /// <summary>The <c>expires_in</c> of every access token, in seconds.</summary>
    public static readonly int ExpiresIn = (int)TokenOptions.AccessTokenLifetime.TotalSeconds;

    /// <summary>An answer that carries tokens is never cached (RFC 6749 §5.1).</summary>
    public static void ForbidCaching(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers.Pragma = "no-cache";
    }
}
