using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Waitlist.Infrastructure.Auth;
using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Errors;

namespace Waitlist.Features.Auth.Admin.BanUser;

public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/auth/admin/ban-user", HandleAsync)
            .WithName("AdminBanUser")
            .WithTags("Administración de usuarios")
            .WithSummary("Suspender a un usuario y cerrar sus sesiones (admin)")
            .AdminOnly<Request>(AuthTexts.NotAllowedToBanUsers)
            .Produces<BetterAuthError>(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<UserResponse>, JsonHttpResult<BetterAuthError>>> HandleAsync(
        Request request, HttpContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var admin = context.RequiredSession();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (request.UserId == admin.User.Id)
            return AuthErrors.Result(AuthTexts.CannotBanYourself);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var user = await AdminUsers.UpdateAsync(connection, transaction,
            "banned = true, ban_reason = @BanReason, ban_expires = now() + make_interval(secs => @Seconds)",
            new { request.UserId, request.BanReason, Seconds = (double?)request.BanExpiresIn }, cancellationToken);
        if (user is null)
            return AuthErrors.Result(AuthTexts.UserNotFound);
        await connection.ExecuteAsync(new CommandDefinition(AdminUsers.DeleteSessionsSql, new { request.UserId }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(new UserResponse(user));
    }
}
