using Microsoft.AspNetCore.Http.HttpResults;
using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Errors;
using Waitlist.Infrastructure.RateLimiting;
using Waitlist.Infrastructure.Validation;

namespace Waitlist.Features.Auth.ChangePassword;

public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/auth/change-password", HandleAsync)
            .WithName("ChangePassword")
            .WithTags("Autenticación")
            .WithSummary("Cambiar la contraseña")
            .WithDescription("Con revokeOtherSessions: true cierra todas las sesiones y abre una nueva (token en la respuesta y cookie nueva).")
            .Accepts<Request>("application/json")
            .Validate<Request>()
            .Produces<BetterAuthError>(StatusCodes.Status401Unauthorized)
            .RequireAuthorization()
            .RequireRateLimiting(RateLimitPolicies.Auth);

    private static Task<Results<Ok<Response>, JsonHttpResult<BetterAuthError>>> HandleAsync(Request request, Handler handler, HttpContext context, CancellationToken cancellationToken) =>
        handler.HandleAsync(request, context, cancellationToken);
}
