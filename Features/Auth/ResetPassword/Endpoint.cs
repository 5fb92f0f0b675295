using Microsoft.AspNetCore.Http.HttpResults;
using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Errors;
using Waitlist.Infrastructure.RateLimiting;
using Waitlist.Infrastructure.Validation;

namespace Waitlist.Features.Auth.ResetPassword;

public sealed class Endpoint : IEndpoint
{
    // Better Auth's GET /reset-password/{token} forwarder is left out on purpose: a token in the path would be written
    // to the request log. The emailed link goes straight to redirectTo?token=... instead.
    public void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/auth/reset-password", HandleAsync)
            .WithName("ResetPassword")
            .WithTags("Autenticación")
            .WithSummary("Restablecer la contraseña con el token del correo")
            .WithDescription("Consume el token (un solo uso) y cierra todas las sesiones de la cuenta.")
            .Accepts<Request>("application/json")
            .Validate<Request>()
            .Produces<BetterAuthError>(StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(RateLimitPolicies.AuthPasswordReset);

    private static Task<Results<Ok<StatusResponse>, JsonHttpResult<BetterAuthError>>> HandleAsync(Request request, Handler handler, CancellationToken cancellationToken) =>
        handler.HandleAsync(request, cancellationToken);
}
