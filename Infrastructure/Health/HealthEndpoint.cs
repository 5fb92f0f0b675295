namespace Waitlist.Infrastructure.Health;

public sealed record HealthStatus(string Status);

/// <summary><c>GET /health</c>: 200 when PostgreSQL answers, 503 when it does not. For load balancers and uptime checks.</summary>
public sealed class HealthEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapMethods("/health", [HttpMethods.Get, HttpMethods.Head], CheckAsync)
            .WithName("Health")
            .WithTags(HealthTexts.Tag)
            .WithSummary(HealthTexts.Summary)
            .Produces<HealthStatus>()
            .Produces<HealthStatus>(StatusCodes.Status503ServiceUnavailable)
            .PublicContent();

    private static async Task<JsonHttpResult<HealthStatus>> CheckAsync(DatabaseProbe database) =>
        await database.IsAvailableAsync()
            ? TypedResults.Json(new HealthStatus("ok"))
            : TypedResults.Json(new HealthStatus("unavailable"), statusCode: StatusCodes.Status503ServiceUnavailable);
}
