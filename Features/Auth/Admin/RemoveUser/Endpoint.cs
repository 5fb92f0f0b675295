using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Waitlist.Infrastructure.Auth;
using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Errors;

namespace Waitlist.Features.Auth.Admin.RemoveUser;

public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/auth/admin/remove-user", HandleAsync)
            .WithName("AdminRemoveUser")
            .WithTags("Administración de usuarios")
            .WithSummary("Eliminar un usuario y sus sesiones (admin)")
            .AdminOnly<Request>(AuthTexts.NotAllowedToDeleteUsers)
            .Produces<BetterAuthError>(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<SuccessResponse>, JsonHttpResult<BetterAuthError>>> HandleAsync(
        Request request, HttpContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var admin = context.RequiredSession();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (request.UserId == admin.User.Id)
            return AuthErrors.Result(AuthTexts.CannotRemoveYourself);
        var deleted = await connection.ExecuteAsync(new CommandDefinition("DELETE FROM users WHERE id = @UserId", new { request.UserId }, cancellationToken: cancellationToken));
        return deleted == 0 ? AuthErrors.Result(AuthTexts.UserNotFound) : TypedResults.Ok(new SuccessResponse(true));
    }
}
