namespace Waitlist.Features.Auth.AdminViews;

/// <summary>
/// The dashboard's admin views of accounts, sessions and API keys, /api/admin/*, mapped by <see cref="AuthRoutes"/>: staff and
/// admin (a few changes admin only, said per route), plain JSON, limit/offset pages and the API's own error format —
/// unlike /api/auth/admin, which speaks Better Auth's. Every write goes through <see cref="AuthStore"/>, so a
/// revocation takes effect at once.
/// </summary>
internal static class AdminViewsRoutes
{
    public const string Prefix = "/api/admin";

    /// <param name="group">/api/admin: other features map their own admin views under the same prefix.</param>
    public static void Map(RouteGroupBuilder group)
    {
        var admin = group.WithTags(AuthTexts.AdminViewsTag).RequireStaff();

        admin.MapGet("/users", ([AsParameters] BrowseUsers.Request request, BrowseUsers.Handler handler, CancellationToken cancellationToken) =>
                handler.HandleAsync(request, cancellationToken))
            .Describe("AdminViewsBrowseUsers", AuthTexts.BrowseUsersSummary, AuthTexts.BrowseUsersDescription)
            .Validate<BrowseUsers.Request>();

        var user = OneOf(admin, "/users");
        user.MapGet("", (string id, ViewUser.Handler handler, CancellationToken cancellationToken) => handler.HandleAsync(id, cancellationToken))
            .Describe("AdminViewsViewUser", AuthTexts.ViewUserSummary);

        user.MapPatch("", (string id, EditUser.Request request, EditUser.Handler handler, HttpContext context, CancellationToken cancellationToken) =>
                handler.HandleAsync(id, request, context, cancellationToken))
            .Describe("AdminViewsEditUser", AuthTexts.EditUserSummary, AuthTexts.EditUserDescription)
            .Validate<EditUser.Request>()
            .ProducesErrors(StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType);

        admin.MapGet("/sessions", ([AsParameters] BrowseSessions.Request request, BrowseSessions.Handler handler, CancellationToken cancellationToken) =>
                handler.HandleAsync(request, cancellationToken))
            .Describe("AdminViewsBrowseSessions", AuthTexts.BrowseSessionsSummary, AuthTexts.BrowseSessionsDescription)
            .Validate<BrowseSessions.Request>();

        var session = OneOf(admin, "/sessions");
        session.MapGet("", (string id, ViewSession.Handler handler, CancellationToken cancellationToken) => handler.HandleAsync(id, cancellationToken))
            .Describe("AdminViewsViewSession", AuthTexts.ViewSessionSummary);

        session.MapDelete("", (string id, EndSession.Handler handler, HttpContext context, CancellationToken cancellationToken) => handler.HandleAsync(id, context, cancellationToken))
            .Describe("AdminViewsEndSession", AuthTexts.EndSessionSummary);

        admin.MapGet("/api-keys", ([AsParameters] BrowseApiKeys.Request request, BrowseApiKeys.Handler handler, CancellationToken cancellationToken) =>
                handler.HandleAsync(request, cancellationToken))
            .Describe("AdminViewsBrowseApiKeys", AuthTexts.BrowseApiKeysSummary, AuthTexts.BrowseApiKeysDescription)
            .Validate<BrowseApiKeys.Request>();

        var apiKey = OneOf(admin, "/api-keys");
        apiKey.MapGet("", (string id, ViewApiKey.Handler handler, CancellationToken cancellationToken) => handler.HandleAsync(id, cancellationToken))
            .Describe("AdminViewsViewApiKey", AuthTexts.ViewApiKeySummary);

        apiKey.MapDelete("", (string id, RevokeApiKey.Handler handler, HttpContext context, CancellationToken cancellationToken) => handler.HandleAsync(id, context, cancellationToken))
            .Describe("AdminViewsRevokeApiKey", AuthTexts.RevokeApiKeySummary, AuthTexts.RevokeApiKeyDescription);

        admin.MapGet("/stats", (ViewStats.Handler handler, CancellationToken cancellationToken) => handler.HandleAsync(cancellationToken))
            .Describe("AdminViewsViewStats", AuthTexts.ViewStatsSummary, AuthTexts.ViewStatsDescription);
    }

    /// <summary>
    /// <paramref name="path"/>/{id}: the routes of one account, session or key, whose id (Better Auth's format) is
    /// checked before any lookup; one that names nothing is a 404.
    /// </summary>
    private static RouteGroupBuilder OneOf(RouteGroupBuilder admin, string path) =>
        admin.MapGroup(path + "/{id}").ValidateRouteId("id", AuthIds.IsWellFormed).ProducesErrors(StatusCodes.Status404NotFound);
}
