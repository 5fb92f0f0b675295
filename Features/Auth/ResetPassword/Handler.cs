using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Waitlist.Infrastructure.Auth;
using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Errors;

namespace Waitlist.Features.Auth.ResetPassword;

/// <summary>Consumes the token, sets the new password and ends every session of the account, in one transaction.</summary>
public sealed class Handler(NpgsqlDataSource dataSource, AuthOptions options, PasswordHasher passwords) : IHandler
{
    private const string UpdateSql = """
        UPDATE users SET password_hash = @Hash, updated_at = now() WHERE id = @UserId;
        DELETE FROM sessions WHERE user_id = @UserId;
        """;

    public async Task<Results<Ok<StatusResponse>, JsonHttpResult<BetterAuthError>>> HandleAsync(Request request, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var userId = await new VerificationTokens(options).ConsumeAsync(transaction, VerificationTokens.PasswordReset, request.Token, cancellationToken);
        if (userId is null)
        {
            await transaction.CommitAsync(cancellationToken); // an expired token is spent all the same
            return AuthErrors.Result(AuthTexts.InvalidToken);
        }
        var hash = passwords.Hash(request.NewPassword!);
        await connection.ExecuteAsync(new CommandDefinition(UpdateSql, new { Hash = hash, UserId = userId }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(new StatusResponse(true));
    }
}
