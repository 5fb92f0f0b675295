using Waitlist.Infrastructure.Endpoints;

namespace Waitlist.Features.Auth.Ok;

/// <summary>A constant answer: no handler.</summary>
internal sealed class Endpoint : IEndpoint<AuthRoutes>
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/ok", () => TypedResults.Ok(new Response(true)))
            .WithName("AuthOk")
            .WithSummary(AuthTexts.OkSummary);
}

internal sealed record Response(bool Ok);
