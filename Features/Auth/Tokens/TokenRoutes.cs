using Waitlist.Features.Auth.Callers;

namespace Waitlist.Features.Auth.Tokens;

/// <summary>
/// The token API, /api/token/*, mapped by <see cref="AuthRoutes"/>: for scripts and mobile clients that hold tokens
/// rather than a cookie. Its group carries what the routes share: the error format <c>{ status, code, message, details? }</c>,
/// access tokens as the only credential (MISSING_AUTHORIZATION without one) and a rate limit per client address; login
/// counts against the sign-in limit instead, shared with /api/auth/sign-in/email.
/// </summary>
internal static class TokenRoutes
{
    public const string Prefix = "/api/token";

    public static void Map(RouteGroupBuilder group)
    {
        var tokens = group
            .WithTags(TokenTexts.Tag)
            .WithErrorFormat(TokenErrorFormat.Instance)
            .AcceptOnly(AcceptedCredentials.AccessToken)
            .UnauthorizedAs(TokenTexts.MissingAuthorization)
            .RequireRateLimiting(AuthRateLimits.Token)
            .ProducesErrors(StatusCodes.Status429TooManyRequests);

        tokens.MapPost("/login", (Login.Request request, Login.Handler handler, HttpContext context, CancellationToken cancellationToken) =>
                handler.HandleAsync(request, context, cancellationToken))
            .Describe("TokenLogin", TokenTexts.LoginSummary, TokenTexts.LoginDescription)
            .Validate<Login.Request>().ProducesErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden)
            .RequireRateLimiting(AuthRateLimits.SignIn);

        tokens.MapPost("/refresh", (RefreshTokenBody request, Refresh.Handler handler, HttpContext context, CancellationToken cancellationToken) =>
                handler.HandleAsync(request, context, cancellationToken))
            .Describe("TokenRefresh", TokenTexts.RefreshSummary, TokenTexts.RefreshDescription)
            .Validate<RefreshTokenBody>().ProducesErrors(StatusCodes.Status401Unauthorized);

        tokens.MapPost("/logout", (RefreshTokenBody request, Logout.Handler handler, HttpContext context, CancellationToken cancellationToken) =>
                handler.HandleAsync(request, context, cancellationToken))
            .Describe("TokenLogout", TokenTexts.LogoutSummary, TokenTexts.LogoutDescription)
            .RequireSession().Validate<RefreshTokenBody>();
    }
}
