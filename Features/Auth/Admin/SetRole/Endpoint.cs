using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Errors;

namespace Waitlist.Features.Auth.Admin.SetRole;

public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/auth/admin/set-role", HandleAsync)
            .WithName("AdminSetRole")
            .WithTags("Administración de usuarios")
            .WithSummary("Cambiar el rol de un usuario (admin)")
            .AdminOnly<Request>(AuthTexts.NotAllowedToChangeRole)
            .Produces<BetterAuthError>(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<UserResponse>, JsonHttpResult<BetterAuthError>>> HandleAsync(
        Request request, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var user = await AdminUsers.UpdateAsync(connection, null, "role = @Role", new { request.UserId, request.Role }, cancellationToken);
        return user is null ? AuthErrors.Result(AuthTexts.UserNotFound) : TypedResults.Ok(new UserResponse(user));
    }
}
