using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Waitlist.Infrastructure.Auth;
using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Errors;

namespace Waitlist.Features.Auth.Admin.ListUserSessions;

public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/auth/admin/list-user-sessions", HandleAsync)
            .WithName("AdminListUserSessions")
            .WithTags("Administración de usuarios")
            .WithSummary("Sesiones de un usuario (admin)")
            .AdminOnly<Request>(AuthTexts.NotAllowedToListSessions)
            .Produces<BetterAuthError>(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<Response>, JsonHttpResult<BetterAuthError>>> HandleAsync(
        Request request, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var sessions = await connection.QueryAsync<AuthSession>(new CommandDefinition(
            $"SELECT {AuthSession.Columns("s")} FROM sessions s WHERE s.user_id = @UserId AND s.expires_at > now() ORDER BY s.created_at",
            new { request.UserId }, cancellationToken: cancellationToken));
        return TypedResults.Ok(new Response(sessions.Select(s => SessionView.From(s, s.Id)).ToList()));
    }
}
