using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Waitlist.Infrastructure.Endpoints;

namespace Waitlist.Infrastructure.Health;

public sealed record HealthStatus(string Status);

/// <summary><c>GET /health</c>: 200 when PostgreSQL answers, 503 when it does not. For load balancers and uptime checks.</summary>
public sealed class HealthEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapMethods("/health", [HttpMethods.Get, HttpMethods.Head], CheckAsync)
            .WithName("Health")
            .WithTags("Operación")
            .WithSummary("Estado del servicio y de su base de datos")
            .Produces<HealthStatus>()
            .Produces<HealthStatus>(StatusCodes.Status503ServiceUnavailable);

    private static async Task<JsonHttpResult<HealthStatus>> CheckAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return TypedResults.Json(new HealthStatus("ok"));
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            return TypedResults.Json(new HealthStatus("unavailable"), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
