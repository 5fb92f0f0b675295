using Dapper;
using FluentValidation;
using Npgsql;
using Waitlist.Infrastructure.Auth;

namespace Waitlist.Features.Auth.Admin;

/// <summary>What the admin use cases share: the userId rule and "update one user, return it" SQL.</summary>
public static class AdminUsers
{
    public static IRuleBuilderOptions<T, string?> UserId<T>(this IRuleBuilderInitial<T, string?> rule) => rule.RequiredText("userId", 64);

    /// <summary>Runs an UPDATE/DELETE on one user (<c>@UserId</c>) that returns its row; null when there is no such user.</summary>
    public static async Task<AuthUser?> UpdateAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string setClause, object parameters, CancellationToken cancellationToken) =>
        await connection.QuerySingleOrDefaultAsync<AuthUser>(new CommandDefinition(
            $"UPDATE users SET {setClause}, updated_at = now() WHERE id = @UserId RETURNING {AuthUser.Columns("users")}",
            parameters, transaction, cancellationToken: cancellationToken));

    public const string DeleteSessionsSql = "DELETE FROM sessions WHERE user_id = @UserId";
}
