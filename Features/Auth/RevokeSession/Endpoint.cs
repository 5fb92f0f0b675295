using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Waitlist.Infrastructure.Auth;
using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Errors;
using Waitlist.Infrastructure.RateLimiting;
using Waitlist.Infrastructure.Validation;

namespace Waitlist.Features.Auth.RevokeSession;

public sealed class Endpoint : IEndpoint
{
    // Only the caller's own sessions; a token (or, as list-sessions shows the others, a session id) of nobody's is no error.
    private const string DeleteSql = "DELETE FROM sessions WHERE user_id = @UserId AND (token_hash = @Hash OR id = @Token)";

    public void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/auth/revoke-session", HandleAsync)
            .WithName("RevokeSession")
            .WithTags("Autenticación")
            .WithSummary("Cerrar una sesión del usuario")
            .Accepts<Request>("application/json")
            .Validate<Request>()
            .Produces<BetterAuthError>(StatusCodes.Status401Unauthorized)
            .RequireAuthorization()
            .RequireRateLimiting(RateLimitPolicies.Auth);

    private static async Task<Ok<StatusResponse>> HandleAsync(Request request, HttpContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var current = context.RequiredSession();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(DeleteSql,
            new { UserId = current.User.Id, Hash = SessionCookies.Hash(request.Token!), request.Token }, cancellationToken: cancellationToken));
        return TypedResults.Ok(new StatusResponse(true));
    }
}
