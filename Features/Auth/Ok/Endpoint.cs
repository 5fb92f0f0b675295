using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.RateLimiting;

namespace Waitlist.Features.Auth.Ok;

public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/auth/ok", () => TypedResults.Ok(new Response(true)))
            .WithName("AuthOk")
            .WithTags("Autenticación")
            .WithSummary("Comprobar que el servicio de autenticación responde")
            .RequireRateLimiting(RateLimitPolicies.Auth);
}

public sealed record Response(bool Ok);
