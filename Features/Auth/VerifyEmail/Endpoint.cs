using Microsoft.AspNetCore.Http.HttpResults;
using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Errors;
using Waitlist.Infrastructure.RateLimiting;

namespace Waitlist.Features.Auth.VerifyEmail;

public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/auth/verify-email", HandleAsync)
            .WithName("VerifyEmail")
            .WithTags("Autenticación")
            .WithSummary("Confirmar el correo con el enlace recibido")
            .WithDescription("Redirige a callbackURL si se indica; si no, responde { status: true }.")
            .Produces<BetterAuthError>(StatusCodes.Status401Unauthorized)
            .Produces<BetterAuthError>(StatusCodes.Status403Forbidden)
            .RequireRateLimiting(RateLimitPolicies.Auth);

    private static Task<Results<RedirectHttpResult, Ok<StatusResponse>, JsonHttpResult<BetterAuthError>>> HandleAsync(
        string? token, string? callbackURL, Handler handler, CancellationToken cancellationToken) =>
        handler.HandleAsync(token, callbackURL, cancellationToken);
}
