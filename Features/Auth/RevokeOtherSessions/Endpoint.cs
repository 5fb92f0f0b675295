using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Waitlist.Infrastructure.Auth;
using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Errors;
using Waitlist.Infrastructure.RateLimiting;

namespace Waitlist.Features.Auth.RevokeOtherSessions;

public sealed class Endpoint : IEndpoint
{
    private const string DeleteSql = "DELETE FROM sessions WHERE user_id = @UserId AND id <> @SessionId";

    public void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/auth/revoke-other-sessions", HandleAsync)
            .WithName("RevokeOtherSessions")
            .WithTags("Autenticación")
            .WithSummary("Cerrar todas las sesiones del usuario salvo la actual")
            .Produces<BetterAuthError>(StatusCodes.Status401Unauthorized)
            .RequireAuthorization()
            .RequireRateLimiting(RateLimitPolicies.Auth);

    private static async Task<Ok<StatusResponse>> HandleAsync(HttpContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var current = context.RequiredSession();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(DeleteSql, new { UserId = current.User.Id, SessionId = current.Session.Id }, cancellationToken: cancellationToken));
        return TypedResults.Ok(new StatusResponse(true));
    }
}
