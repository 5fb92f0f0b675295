using Waitlist.Features.Auth.Admin;
using Waitlist.Features.Auth.AdminViews;
using Waitlist.Features.Auth.ApiKeys;
using Waitlist.Features.Auth.Callers;
using Waitlist.Features.Auth.Tokens;

namespace Waitlist.Features.Auth;

/// <summary>
/// Every /api/auth route, in one group that carries what they all share: Better Auth's error format, the session cookie
/// as the one credential (API keys and access tokens do not change credentials or sessions; a route that only reads
/// says so), the auth rate limit (a route with a stricter one overrides it) and the 429 they may answer. Inside it,
/// Better Auth's core and username plugin (tagged here), the admin plugin (<see cref="Admin.AdminRoutes"/>) and the
/// api-key plugin (<see cref="ApiKeys.ApiKeyRoutes"/>). Each route states only what is its own: path, use case,
/// validation, session, errors. Beside it, Auth's part of the dashboard's admin views, /api/admin
/// (<see cref="AdminViews.AdminViewsRoutes"/>), in the API's own format, and the token API, /api/token
/// (<see cref="Tokens.TokenRoutes"/>), in its own.
/// </summary>
internal sealed class AuthRoutes : IEndpoint
{
    public const string Prefix = "/api/auth";

    public void Map(IEndpointRouteBuilder app)
    {
        var area = app.MapGroup(Prefix)
            .WithErrorFormat(BetterAuthErrorFormat.Instance)
            .AcceptOnly(AcceptedCredentials.Session)
            .RequireRateLimiting(AuthRateLimits.Auth)
            .ProducesErrors(StatusCodes.Status429TooManyRequests);
        MapCore(area.MapGroup("").WithTags(AuthTexts.Tag));
        AdminRoutes.Map(area.MapGroup("/admin"));
        ApiKeyRoutes.Map(area.MapGroup("/api-key"));
        AdminViewsRoutes.Map(app.MapGroup(AdminViewsRoutes.Prefix));
        TokenRoutes.Map(app.MapGroup(TokenRoutes.Prefix));
    }

    private static void MapCore(RouteGroupBuilder auth)
    {

        auth.MapPost("/sign-up/email", (SignUp.Request request, SignUp.Handler handler, HttpContext context, CancellationToken cancellationToken) =>
                handler.HandleAsync(request, context, cancellationToken))
            .Describe("SignUpEmail", AuthTexts.SignUpSummary, AuthTexts.SignUpDescription)
            .Validate<SignUp.Request>().ProducesErrors(StatusCodes.Status403Forbidden, StatusCodes.Status422UnprocessableEntity)
            .RequireRateLimiting(AuthRateLimits.SignUp);

        auth.MapPost("/sign-in/email", (SignIn.EmailRequest request, SignIn.Handler handler, HttpContext context, CancellationToken cancellationToken) =>
                handler.HandleAsync(request.ToCredentials(), context, cancellationToken))
            .Describe("SignInEmail", AuthTexts.SignInEmailSummary, AuthTexts.SignInEmailDescription)
            .Validate<SignIn.EmailRequest>().ProducesErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden)
            .RequireRateLimiting(AuthRateLimits.SignIn);

        auth.MapPost("/sign-in/username", (SignIn.UsernameRequest request, SignIn.Handler handler, HttpContext context, CancellationToken cancellationToken) =>
                handler.HandleAsync(request.ToCredentials(), context, cancellationToken))
            .Describe("SignInUsername", AuthTexts.SignInUsernameSummary, AuthTexts.SignInUsernameDescription)
            .Validate<SignIn.UsernameRequest>().ProducesErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden)
            .RequireRateLimiting(AuthRateLimits.SignIn);

        // Not rate limited: the dashboard asks on every page.
        foreach (var (path, name) in new[] { ("/get-session", "GetSession"), ("/session", "Session") })
            auth.MapGet(path, (GetSession.Handler handler, HttpContext context, CancellationToken cancellationToken) => handler.HandleAsync(context, cancellationToken))
                .Describe(name, AuthTexts.GetSessionSummary, AuthTexts.GetSessionDescription)
                .DisableRateLimiting();

        auth.MapPost("/sign-out", (SignOut.Handler handler, HttpContext context, CancellationToken cancellationToken) => handler.HandleAsync(context, cancellationToken))
            .Describe("SignOut", AuthTexts.SignOutSummary, AuthTexts.SignOutDescription)
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden);

        auth.MapGet("/list-sessions", (ListSessions.Handler handler, HttpContext context, CancellationToken cancellationToken) => handler.HandleAsync(context, cancellationToken))
            .Describe("ListSessions", AuthTexts.ListSessionsSummary, AuthTexts.ListSessionsDescription)
            .RequireSession();

        auth.MapPost("/revoke-session", (RevokeSession.Request request, RevokeSession.Handler handler, HttpContext context, CancellationToken cancellationToken) =>
                handler.HandleAsync(request, context, cancellationToken))
            .Describe("RevokeSession", AuthTexts.RevokeSessionSummary)
            .Validate<RevokeSession.Request>().RequireSession();

        foreach (var (path, name, summary, keepCurrent) in new[]
                 {
                     ("/revoke-sessions", "RevokeSessions", AuthTexts.RevokeSessionsSummary, false),
                     ("/revoke-other-sessions", "RevokeOtherSessions", AuthTexts.RevokeOtherSessionsSummary, true),
                 })
            auth.MapPost(path, (RevokeSessions.Handler handler, HttpContext context, CancellationToken cancellationToken) => handler.HandleAsync(keepCurrent, context, cancellationToken))
                .Describe(name, summary)
                .RequireSession();

        auth.MapPost("/update-user", (UpdateUser.Request request, UpdateUser.Handler handler, HttpContext context, CancellationToken cancellationToken) =>
                handler.HandleAsync(request, context, cancellationToken))
            .Describe("UpdateUser", AuthTexts.UpdateUserSummary)
            .Validate<UpdateUser.Request>().RequireSession();

        auth.MapPost("/change-password", (ChangePassword.Request request, ChangePassword.Handler handler, HttpContext context, CancellationToken cancellationToken) =>
                handler.HandleAsync(request, context, cancellationToken))
            .Describe("ChangePassword", AuthTexts.ChangePasswordSummary, AuthTexts.ChangePasswordDescription)
            .Validate<ChangePassword.Request>().RequireSession();

        auth.MapPost("/is-username-available", (IsUsernameAvailable.Request request, IsUsernameAvailable.Handler handler, CancellationToken cancellationToken) =>
                handler.HandleAsync(request, cancellationToken))
            .Describe("IsUsernameAvailable", AuthTexts.IsUsernameAvailableSummary)
            .Validate<IsUsernameAvailable.Request>();

        auth.MapPost("/send-verification-email", (SendVerificationEmail.Request request, SendVerificationEmail.Handler handler, CancellationToken cancellationToken) =>
                handler.HandleAsync(request, cancellationToken))
            .Describe("SendVerificationEmail", AuthTexts.SendVerificationEmailSummary, AuthTexts.SendVerificationEmailDescription)
            .Validate<SendVerificationEmail.Request>().ProducesErrors(StatusCodes.Status403Forbidden)
            .RequireRateLimiting(AuthRateLimits.PasswordReset);

        auth.MapGet("/verify-email", ([AsParameters] VerifyEmail.Request request, VerifyEmail.Handler handler, CancellationToken cancellationToken) =>
                handler.HandleAsync(request, cancellationToken))
            .Describe("VerifyEmail", AuthTexts.VerifyEmailSummary, AuthTexts.VerifyEmailDescription)
            .Validate<VerifyEmail.Request>().ProducesErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);

        // forget-password is the name the seeds document; Better Auth 1.7 renamed it request-password-reset.
        foreach (var (path, name) in new[] { ("/request-password-reset", "RequestPasswordReset"), ("/forget-password", "ForgetPassword") })
            auth.MapPost(path, (RequestPasswordReset.Request request, RequestPasswordReset.Handler handler, CancellationToken cancellationToken) =>
                    handler.HandleAsync(request, cancellationToken))
                .Describe(name, AuthTexts.RequestPasswordResetSummary, AuthTexts.RequestPasswordResetDescription)
                .Validate<RequestPasswordReset.Request>().ProducesErrors(StatusCodes.Status403Forbidden)
                .RequireRateLimiting(AuthRateLimits.PasswordReset);

        // Better Auth's GET /reset-password/{token} forwarder is left out on purpose: a token in the path would be written
        // to the request log. The emailed link goes straight to redirectTo?token=... instead.
        auth.MapPost("/reset-password", (ResetPassword.Request request, ResetPassword.Handler handler, CancellationToken cancellationToken) =>
                handler.HandleAsync(request, cancellationToken))
            .Describe("ResetPassword", AuthTexts.ResetPasswordSummary, AuthTexts.ResetPasswordDescription)
            .Validate<ResetPassword.Request>()
            .RequireRateLimiting(AuthRateLimits.PasswordReset);

        auth.MapGet("/ok", () => TypedResults.Ok(new OkResponse(true)))
            .Describe("AuthOk", AuthTexts.OkSummary);

        // As Better Auth's jwt plugin serves it; verifiers cache it (Cache-Control), so the auth limit is plenty.
        auth.MapGet("/jwks", (Tokens.Jwks.Handler handler, HttpContext context, CancellationToken cancellationToken) => handler.HandleAsync(context, cancellationToken))
            .Describe("Jwks", TokenTexts.JwksSummary, TokenTexts.JwksDescription);

        // Any other request under /api/auth, counted against the auth limit like every auth call, so probing for
        // endpoints is throttled too. Not in the OpenAPI document: it describes no operation.
        auth.MapFallback("/{**path}", (UnknownPath.Handler handler, HttpContext context) => handler.Handle(context))
            .ExcludeFromDescription();
    }
}
