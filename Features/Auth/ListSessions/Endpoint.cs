using Dapper;
using Npgsql;
using Waitlist.Infrastructure.Auth;
using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Errors;
using Waitlist.Infrastructure.RateLimiting;

namespace Waitlist.Features.Auth.ListSessions;

public sealed class Endpoint : IEndpoint
{
    private static readonly string ListSql = $"""
        SELECT {AuthSession.Columns("s")} FROM sessions s
        WHERE s.user_id = @UserId AND s.expires_at > now()
        ORDER BY s.created_at
        """;

    public void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/auth/list-sessions", HandleAsync)
            .WithName("ListSessions")
            .WithTags("Autenticación")
            .WithSummary("Sesiones abiertas del usuario")
            .WithDescription("«token» es el token de la sesión actual y el id de las demás (solo se guarda el hash de los tokens); revoke-session acepta ambos.")
            .Produces<BetterAuthError>(StatusCodes.Status401Unauthorized)
            .RequireAuthorization()
            .RequireRateLimiting(RateLimitPolicies.Auth);

    private static async Task<Microsoft.AspNetCore.Http.HttpResults.Ok<List<SessionView>>> HandleAsync(HttpContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var current = context.RequiredSession();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var sessions = await connection.QueryAsync<AuthSession>(new CommandDefinition(ListSql, new { UserId = current.User.Id }, cancellationToken: cancellationToken));
        return TypedResults.Ok(sessions.Select(s => SessionView.From(s, s.Id == current.Session.Id ? current.Token : s.Id)).ToList());
    }
}
