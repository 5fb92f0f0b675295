using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Errors;
using Waitlist.Infrastructure.RateLimiting;
using Waitlist.Infrastructure.Validation;

namespace Waitlist.Features.Auth.IsUsernameAvailable;

public sealed class Endpoint : IEndpoint
{
    private const string TakenSql = "SELECT EXISTS (SELECT 1 FROM users WHERE lower(username) = lower(@Username))";

    public void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/auth/is-username-available", HandleAsync)
            .WithName("IsUsernameAvailable")
            .WithTags("Autenticación")
            .WithSummary("Comprobar si un nombre de usuario está libre")
            .Accepts<Request>("application/json")
            .Validate<Request>()
            .Produces<BetterAuthError>(StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(RateLimitPolicies.Auth);

    private static async Task<Ok<Response>> HandleAsync(Request request, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var taken = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(TakenSql, new { request.Username }, cancellationToken: cancellationToken));
        return TypedResults.Ok(new Response(!taken));
    }
}
