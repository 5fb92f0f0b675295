using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Errors;

namespace Waitlist.Features.Auth.Admin.UnbanUser;

public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/auth/admin/unban-user", HandleAsync)
            .WithName("AdminUnbanUser")
            .WithTags("Administración de usuarios")
            .WithSummary("Levantar la suspensión de un usuario (admin)")
            .AdminOnly<Request>(AuthTexts.NotAllowedToBanUsers)
            .Produces<BetterAuthError>(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<UserResponse>, JsonHttpResult<BetterAuthError>>> HandleAsync(
        Request request, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var user = await AdminUsers.UpdateAsync(connection, null, "banned = false, ban_reason = NULL, ban_expires = NULL", new { request.UserId }, cancellationToken);
        return user is null ? AuthErrors.Result(AuthTexts.UserNotFound) : TypedResults.Ok(new UserResponse(user));
    }
}
