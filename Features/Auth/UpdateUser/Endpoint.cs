using Microsoft.AspNetCore.Http.HttpResults;
using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Errors;
using Waitlist.Infrastructure.RateLimiting;
using Waitlist.Infrastructure.Validation;

namespace Waitlist.Features.Auth.UpdateUser;

public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/auth/update-user", HandleAsync)
            .WithName("UpdateUser")
            .WithTags("Autenticación")
            .WithSummary("Actualizar el perfil del usuario (nombre, imagen, nombre de usuario)")
            .Accepts<Request>("application/json")
            .Validate<Request>()
            .Produces<BetterAuthError>(StatusCodes.Status401Unauthorized)
            .RequireAuthorization()
            .RequireRateLimiting(RateLimitPolicies.Auth);

    private static Task<Results<Ok<StatusResponse>, JsonHttpResult<BetterAuthError>>> HandleAsync(Request request, Handler handler, HttpContext context, CancellationToken cancellationToken) =>
        handler.HandleAsync(request, context, cancellationToken);
}
