using Microsoft.AspNetCore.Http.HttpResults;
using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Errors;
using Waitlist.Infrastructure.RateLimiting;
using Waitlist.Infrastructure.Validation;

namespace Waitlist.Features.Auth.SendVerificationEmail;

public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/auth/send-verification-email", HandleAsync)
            .WithName("SendVerificationEmail")
            .WithTags("Autenticación")
            .WithSummary("Reenviar el correo de verificación")
            .WithDescription("El enlace caduca en 24 horas y sirve una sola vez. La respuesta no revela si el correo está registrado.")
            .Accepts<Request>("application/json")
            .Validate<Request>()
            .Produces<BetterAuthError>(StatusCodes.Status403Forbidden)
            .Produces<BetterAuthError>(StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(RateLimitPolicies.AuthPasswordReset);

    private static Task<Results<Ok<StatusResponse>, JsonHttpResult<BetterAuthError>>> HandleAsync(Request request, Handler handler, CancellationToken cancellationToken) =>
        handler.HandleAsync(request, cancellationToken);
}
