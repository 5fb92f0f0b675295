using System.Security.Claims;
using Waitlist.Features.Auth.Sessions;

namespace Waitlist.Features.Auth.Callers;

/// <summary>Which credentials authenticate at an endpoint (endpoint metadata); without it, any of them.</summary>
internal enum AcceptedCredentials
{
    /// <summary>The session cookie, an API key or an access token: whichever the request presents.</summary>
    Any,

    /// <summary>Only the browser's session cookie: Better Auth's routes, which change credentials and sessions.</summary>
    Session,

    /// <summary>Only an access token: the token API (/api/token), whose logout signs one out.</summary>
    AccessToken,
}

internal sealed record CredentialPolicy(AcceptedCredentials Accepted);

/// <summary>
/// Set by a scheme handed a credential it refuses — an expired or forged token, a disabled key — so that an endpoint
/// that needs a caller answers why (TOKEN_EXPIRED, KEY_DISABLED) rather than a bare 401. An endpoint that needs no
/// caller ignores it: the request is simply anonymous.
/// </summary>
internal sealed record RefusedCredential(ErrorKind Kind, ErrorFacts? Facts = null);

/// <summary>
/// The default authentication scheme, a policy scheme that hands each request to the scheme of the credential it
/// presents: <c>x-api-key</c> or a bearer value that is not a JWT to the API-key scheme, a bearer JWT to the access-token
/// scheme, anything else to the session cookie's. Every scheme sets the same claims (<see cref="Principal"/>) and the
/// same <see cref="AuthUser"/> feature, so features never know which one it was. An endpoint may narrow what it accepts
/// (<see cref="AcceptOnly{TBuilder}"/>): there, other credentials are not even looked at.
/// </summary>
internal static class CallerSchemes
{
    public const string Default = "Caller";
    public const string ApiKey = "ApiKey";
    public const string AccessToken = "AccessToken";

    public const string ApiKeyHeader = "x-api-key";
    private const string BearerPrefix = "Bearer ";

    public const string ApiKeyIdClaim = "api_key_id";
    public const string TokenIdClaim = "jti";

    public static string Select(HttpContext context) =>
        (context.GetEndpoint()?.Metadata.GetMetadata<CredentialPolicy>()?.Accepted ?? AcceptedCredentials.Any) switch
        {
            AcceptedCredentials.Session => SessionAuthenticationHandler.SchemeName,
            AcceptedCredentials.AccessToken => AccessToken,
            _ when context.Request.Headers.ContainsKey(ApiKeyHeader) => ApiKey,
            // A JWT is three dot-separated parts; an API key has no dot (its prefix may not hold one).
            _ when BearerValue(context.Request) is { } bearer => bearer.Count(c => c == '.') == 2 ? AccessToken : ApiKey,
            _ => SessionAuthenticationHandler.SchemeName,
        };

    /// <summary>The value of <c>Authorization: Bearer …</c>, or null.</summary>
    public static string? BearerValue(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) && header.Length > BearerPrefix.Length
            ? header[BearerPrefix.Length..].Trim()
            : null;
    }

    /// <summary>The caller as every scheme describes it: who, with which address, name and role, plus what is the scheme's own.</summary>
    public static ClaimsPrincipal Principal(AuthUser user, string scheme, Claim credential) =>
        new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, user.Id),
            new Claim(ClaimTypes.Email, user.Email),
            new Claim(ClaimTypes.Name, user.Name),
            new Claim(ClaimTypes.Role, user.Role),
            credential,
        ], scheme));

    public static TBuilder AcceptOnly<TBuilder>(this TBuilder builder, AcceptedCredentials accepted) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new CredentialPolicy(accepted));
}
