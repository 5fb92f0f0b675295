using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Errors;

namespace Waitlist.Features.Auth.Admin.RevokeUserSessions;

public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/auth/admin/revoke-user-sessions", HandleAsync)
            .WithName("AdminRevokeUserSessions")
            .WithTags("Administración de usuarios")
            .WithSummary("Cerrar todas las sesiones de un usuario (admin)")
            .AdminOnly<Request>(AuthTexts.NotAllowedToRevokeSessions)
            .Produces<BetterAuthError>(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<SuccessResponse>, JsonHttpResult<BetterAuthError>>> HandleAsync(
        Request request, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(AdminUsers.DeleteSessionsSql, new { request.UserId }, cancellationToken: cancellationToken));
        return TypedResults.Ok(new SuccessResponse(true));
    }
}
