using Microsoft.AspNetCore.Http.HttpResults;
using Waitlist.Infrastructure.Auth;
using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Errors;
using Waitlist.Infrastructure.RateLimiting;
using Waitlist.Infrastructure.Validation;

namespace Waitlist.Features.Auth.ResetPassword;

public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/reset-password", HandleAsync)
            .WithName("ResetPassword")
            .WithTags("Autenticación")
            .WithSummary("Restablecer la contraseña con el token del correo")
            .WithDescription("Consume el token (un solo uso) y cierra todas las sesiones de la cuenta.")
            .Accepts<Request>("application/json")
            .Validate<Request>()
            .Produces<BetterAuthError>(StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(RateLimitPolicies.AuthPasswordReset);

        // Better Auth's own email link: /reset-password/{token}?callbackURL=... forwards to callbackURL?token=...
        app.MapGet("/api/auth/reset-password/{token}", RedirectWithToken)
            .WithName("ResetPasswordCallback")
            .WithTags("Autenticación")
            .WithSummary("Redirigir a la página de restablecimiento con el token")
            .Produces<BetterAuthError>(StatusCodes.Status403Forbidden)
            .RequireRateLimiting(RateLimitPolicies.Auth);
    }

    private static Task<Results<Ok<StatusResponse>, JsonHttpResult<BetterAuthError>>> HandleAsync(Request request, Handler handler, CancellationToken cancellationToken) =>
        handler.HandleAsync(request, cancellationToken);

    private static Results<RedirectHttpResult, JsonHttpResult<BetterAuthError>> RedirectWithToken(string token, string? callbackURL, TrustedOrigins origins)
    {
        if (string.IsNullOrEmpty(callbackURL) || !origins.IsTrustedRedirect(callbackURL))
            return AuthErrors.Result(AuthTexts.InvalidCallbackUrl);
        return TypedResults.Redirect(callbackURL + (callbackURL.Contains('?') ? "&" : "?") + "token=" + Uri.EscapeDataString(token));
    }
}
