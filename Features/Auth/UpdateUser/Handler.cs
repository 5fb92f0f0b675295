using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Waitlist.Infrastructure.Auth;
using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Errors;

namespace Waitlist.Features.Auth.UpdateUser;

public sealed class Handler(NpgsqlDataSource dataSource) : IHandler
{
    private const string UpdateSql = """
        UPDATE users SET
            name = coalesce(@Name, name),
            image = coalesce(@Image, image),
            username = coalesce(@Username, username),
            display_username = coalesce(@DisplayUsername, display_username),
            updated_at = now()
        WHERE id = @Id
        """;

    public async Task<Results<Ok<StatusResponse>, JsonHttpResult<BetterAuthError>>> HandleAsync(Request request, HttpContext context, CancellationToken cancellationToken)
    {
        if (request.Email is not null)
            return AuthErrors.Result(AuthTexts.EmailCannotBeUpdated);
        if (request is { Name: null, Image: null, Username: null, DisplayUsername: null })
            return AuthErrors.Result(AuthTexts.NoFieldsToUpdate);

        var current = context.RequiredSession();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(UpdateSql, new
            {
                Name = request.Name?.Trim(),
                request.Image,
                Username = request.Username?.ToLowerInvariant(),
                DisplayUsername = request.DisplayUsername ?? request.Username,
                current.User.Id,
            }, cancellationToken: cancellationToken));
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return AuthErrors.Result(AuthTexts.UsernameTaken);
        }
        return TypedResults.Ok(new StatusResponse(true));
    }
}
