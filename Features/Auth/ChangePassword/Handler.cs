using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Waitlist.Infrastructure.Auth;
using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Errors;

namespace Waitlist.Features.Auth.ChangePassword;

/// <summary>Checks the current password, stores the new one; with revokeOtherSessions every session ends and a new one starts.</summary>
public sealed class Handler(NpgsqlDataSource dataSource, PasswordHasher passwords) : IHandler
{
    private const string HashSql = "SELECT password_hash FROM users WHERE id = @Id";
    private static readonly string UpdateSql = $"""
        UPDATE users SET password_hash = @Hash, updated_at = now() WHERE id = @Id
        RETURNING {AuthUser.Columns("users")}
        """;
    private const string DeleteSessionsSql = "DELETE FROM sessions WHERE user_id = @Id";

    public async Task<Results<Ok<Response>, JsonHttpResult<BetterAuthError>>> HandleAsync(Request request, HttpContext context, CancellationToken cancellationToken)
    {
        var current = context.RequiredSession();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var stored = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(HashSql, new { current.User.Id }, cancellationToken: cancellationToken));
        if (!passwords.Verify(request.CurrentPassword!, stored))
            return AuthErrors.Result(AuthTexts.InvalidPassword);

        var hash = passwords.Hash(request.NewPassword!);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var user = await connection.QuerySingleAsync<AuthUser>(new CommandDefinition(UpdateSql, new { Hash = hash, current.User.Id }, transaction, cancellationToken: cancellationToken));
        string? token = null;
        if (request.RevokeOtherSessions == true)
        {
            await connection.ExecuteAsync(new CommandDefinition(DeleteSessionsSql, new { current.User.Id }, transaction, cancellationToken: cancellationToken));
            token = await AuthSessions.CreateAsync(connection, transaction, context, user.Id, current.Session.RememberMe, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(new Response(token, user));
    }
}
