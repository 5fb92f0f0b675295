using Microsoft.AspNetCore.Authorization;

namespace Waitlist.Features.Auth;

/// <summary>
/// Named policies for the roles: <c>.RequireAuthorization(AuthPolicies.Staff)</c>. Roles nest: staff includes admin.
/// A plain <c>.RequireAuthorization()</c> asks only for a session.
/// </summary>
public static class AuthPolicies
{
    public const string Staff = "staff";
    public const string Admin = "admin";

    internal static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Staff, policy => policy.RequireRole(AuthRoles.Team));
        options.AddPolicy(Admin, policy => policy.RequireRole(AuthRoles.Admin));
    }

    /// <summary>A signed-in caller only (a 401 otherwise, documented): on a route or a whole group.</summary>
    public static TBuilder RequireSession<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization().ProducesErrors(StatusCodes.Status401Unauthorized);

    /// <summary>A signed-in caller who is staff or admin (401 anonymous, 403 anyone else, both documented): the dashboard's views.</summary>
    public static TBuilder RequireStaff<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(Staff).ProducesErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);

    /// <summary>
    /// The error a signed-in caller without the required role gets instead of the generic 403 (the admin plugin's
    /// YOU_ARE_NOT_ALLOWED_TO_... codes).
    /// </summary>
    public static TBuilder ForbiddenAs<TBuilder>(this TBuilder builder, ErrorKind kind) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ForbiddenError(kind));

    /// <summary>The error a caller who presented no credential gets instead of UNAUTHORIZED (Better Auth's UNAUTHORIZED_SESSION, MISSING_AUTHORIZATION).</summary>
    internal static TBuilder UnauthorizedAs<TBuilder>(this TBuilder builder, ErrorKind kind) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new UnauthorizedError(kind));

    /// <summary>
    /// Better Auth's cross-site check on every request that carries its cookie, GETs included (a 403
    /// MISSING_OR_NULL_ORIGIN or INVALID_ORIGIN otherwise): for endpoints where a GET acts with the session, such as a
    /// WebSocket handshake, which browsers send with cookies from any site and always with an Origin.
    /// </summary>
    public static TBuilder RequireTrustedOrigin<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new TrustedOriginRequired());
}

/// <summary>Endpoint metadata set by <see cref="AuthPolicies.RequireTrustedOrigin{TBuilder}"/>.</summary>
public sealed record TrustedOriginRequired;

/// <summary>Endpoint metadata set by <see cref="AuthPolicies.ForbiddenAs{TBuilder}"/>.</summary>
public sealed record ForbiddenError(ErrorKind Kind);

/// <summary>Endpoint metadata: the error a request that presented no credential at all gets instead of UNAUTHORIZED.</summary>
internal sealed record UnauthorizedError(ErrorKind Kind);
