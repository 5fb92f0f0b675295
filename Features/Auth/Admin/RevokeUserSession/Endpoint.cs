using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Waitlist.Infrastructure.Auth;
using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Errors;

namespace Waitlist.Features.Auth.Admin.RevokeUserSession;

public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/auth/admin/revoke-user-session", HandleAsync)
            .WithName("AdminRevokeUserSession")
            .WithTags("Administración de usuarios")
            .WithSummary("Cerrar una sesión de cualquier usuario (admin)")
            .AdminOnly<Request>(AuthTexts.NotAllowedToRevokeSessions)
            .Produces<BetterAuthError>(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<SuccessResponse>, JsonHttpResult<BetterAuthError>>> HandleAsync(
        Request request, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM sessions WHERE token_hash = @Hash OR id = @SessionToken",
            new { Hash = SessionCookies.Hash(request.SessionToken!), request.SessionToken }, cancellationToken: cancellationToken));
        return TypedResults.Ok(new SuccessResponse(true));
    }
}
