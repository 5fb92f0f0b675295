using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Errors;

namespace Waitlist.Features.Auth;

/// <summary>
/// The /api/auth routes of Better Auth's core and username plugin. The group carries what they all share: the tag,
/// Better Auth's error format, the auth rate limit (a route with a stricter one overrides it) and the 429 they may answer.
/// </summary>
internal sealed class AuthRoutes : IEndpointGroup
{
    public const string Prefix = "/api/auth";

    public RouteGroupBuilder Map(IEndpointRouteBuilder app) => Area(app).WithTags(AuthTexts.Tag);

    /// <summary>What every route under /api/auth shares, the admin plugin's included.</summary>
    public static RouteGroupBuilder Area(IEndpointRouteBuilder app) =>
        app.MapGroup(Prefix)
            .WithErrorFormat(BetterAuthErrorFormat.Instance)
            .RequireRateLimiting(AuthRateLimits.Auth)
            .ProducesErrors(StatusCodes.Status429TooManyRequests);
}

/// <summary>The admin plugin's routes, /api/auth/admin/*: each states the role it needs and the 403 its plugin answers.</summary>
internal sealed class AdminRoutes : IEndpointGroup
{
    public RouteGroupBuilder Map(IEndpointRouteBuilder app) =>
        AuthRoutes.Area(app).MapGroup("/admin")
            .WithTags(AuthTexts.AdminTag)
            .ProducesErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
}

internal static class AdminRouteExtensions
{
    /// <summary>Admins only; anyone else signed in gets the plugin's own <paramref name="forbidden"/> error.</summary>
    public static RouteHandlerBuilder AdminOnly(this RouteHandlerBuilder route, ErrorKind forbidden) =>
        route.RequireAuthorization(AuthPolicies.Admin).ForbiddenAs(forbidden);
}
