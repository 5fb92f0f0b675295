using Microsoft.AspNetCore.Http.HttpResults;
using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Errors;
using Waitlist.Infrastructure.RateLimiting;
using Waitlist.Infrastructure.Validation;

namespace Waitlist.Features.Auth.SignUpEmail;

public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/auth/sign-up/email", HandleAsync)
            .WithName("SignUpEmail")
            .WithTags("Autenticación")
            .WithSummary("Crear una cuenta con correo y contraseña")
            .WithDescription("Crea el usuario (rol «user»), inicia su sesión (cookie better-auth.session_token) y le envía un correo de verificación.")
            .Accepts<Request>("application/json")
            .Validate<Request>()
            .Produces<BetterAuthError>(StatusCodes.Status403Forbidden)
            .Produces<BetterAuthError>(StatusCodes.Status422UnprocessableEntity)
            .Produces<BetterAuthError>(StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(RateLimitPolicies.AuthSignUp);

    private static Task<Results<Ok<SignedInResponse>, JsonHttpResult<BetterAuthError>>> HandleAsync(Request request, Handler handler, HttpContext context, CancellationToken cancellationToken) =>
        handler.HandleAsync(request, context, cancellationToken);
}
