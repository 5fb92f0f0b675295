namespace Waitlist.Features.Auth.Admin;

/// <summary>
/// The admin plugin's routes, /api/auth/admin/*, mapped by <see cref="AuthRoutes"/>: admins only (listing users is open to staff too), each answering its
/// plugin's own 403 code to anyone else signed in.
/// </summary>
internal static class AdminRoutes
{
    /// <param name="group">/api/auth/admin, inside <see cref="AuthRoutes"/>' group.</param>
    public static void Map(RouteGroupBuilder group)
    {
        var admin = group
            .WithTags(AuthTexts.AdminTag)
            .ProducesErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);

        admin.MapGet("/list-users", ([AsParameters] ListUsers.Request request, ListUsers.Handler handler, CancellationToken cancellationToken) =>
                handler.HandleAsync(request, cancellationToken))
            .Describe("AdminListUsers", AuthTexts.ListUsersSummary, AuthTexts.ListUsersDescription)
            .RequireAuthorization(AuthPolicies.Staff).ForbiddenAs(AuthTexts.NotAllowedToListUsers)
            .ProducesErrors(StatusCodes.Status400BadRequest);

        admin.MapPost("/create-user", (CreateUser.Request request, CreateUser.Handler handler, CancellationToken cancellationToken) =>
                handler.HandleAsync(request, cancellationToken))
            .Describe("AdminCreateUser", AuthTexts.CreateUserSummary, AuthTexts.CreateUserDescription)
            .Validate<CreateUser.Request>().AdminOnly(AuthTexts.NotAllowedToCreateUsers);

        admin.MapPost("/set-role", (SetRole.Request request, SetRole.Handler handler, CancellationToken cancellationToken) =>
                handler.HandleAsync(request, cancellationToken))
            .Describe("AdminSetRole", AuthTexts.SetRoleSummary)
            .Validate<SetRole.Request>().AdminOnly(AuthTexts.NotAllowedToChangeRole).ProducesErrors(StatusCodes.Status404NotFound);

        admin.MapPost("/ban-user", (BanUser.Request request, BanUser.Handler handler, HttpContext context, CancellationToken cancellationToken) =>
                handler.HandleAsync(request, context, cancellationToken))
            .Describe("AdminBanUser", AuthTexts.BanUserSummary)
            .Validate<BanUser.Request>().AdminOnly(AuthTexts.NotAllowedToBanUsers).ProducesErrors(StatusCodes.Status404NotFound);

        admin.MapPost("/unban-user", (UserIdRequest request, UnbanUser.Handler handler, CancellationToken cancellationToken) =>
                handler.HandleAsync(request, cancellationToken))
            .Describe("AdminUnbanUser", AuthTexts.UnbanUserSummary)
            .Validate<UserIdRequest>().AdminOnly(AuthTexts.NotAllowedToBanUsers).ProducesErrors(StatusCodes.Status404NotFound);

        admin.MapPost("/list-user-sessions", (UserIdRequest request, ListUserSessions.Handler handler, CancellationToken cancellationToken) =>
                handler.HandleAsync(request, cancellationToken))
            .Describe("AdminListUserSessions", AuthTexts.ListUserSessionsSummary)
            .Validate<UserIdRequest>().AdminOnly(AuthTexts.NotAllowedToListSessions);

        admin.MapPost("/revoke-user-session", (RevokeUserSession.Request request, RevokeUserSession.Handler handler, CancellationToken cancellationToken) =>
                handler.HandleAsync(request, cancellationToken))
            .Describe("AdminRevokeUserSession", AuthTexts.RevokeUserSessionSummary)
            .Validate<RevokeUserSession.Request>().AdminOnly(AuthTexts.NotAllowedToRevokeSessions);

        admin.MapPost("/revoke-user-sessions", (UserIdRequest request, RevokeUserSessions.Handler handler, CancellationToken cancellationToken) =>
                handler.HandleAsync(request, cancellationToken))
            .Describe("AdminRevokeUserSessions", AuthTexts.RevokeUserSessionsSummary)
            .Validate<UserIdRequest>().AdminOnly(AuthTexts.NotAllowedToRevokeSessions);

        admin.MapPost("/remove-user", (UserIdRequest request, RemoveUser.Handler handler, HttpContext context, CancellationToken cancellationToken) =>
                handler.HandleAsync(request, context, cancellationToken))
            .Describe("AdminRemoveUser", AuthTexts.RemoveUserSummary)
            .Validate<UserIdRequest>().AdminOnly(AuthTexts.NotAllowedToDeleteUsers).ProducesErrors(StatusCodes.Status404NotFound);
    }
}

internal static class AdminRouteExtensions
{
    /// <summary>Admins only; anyone else signed in gets the plugin's own <paramref name="forbidden"/> error.</summary>
    public static RouteHandlerBuilder AdminOnly(this RouteHandlerBuilder route, ErrorKind forbidden) =>
        route.RequireAuthorization(AuthPolicies.Admin).ForbiddenAs(forbidden);
}
