using Dapper;
using FluentValidation;
using Npgsql;
using Waitlist.Infrastructure.Auth;
using Waitlist.Infrastructure.Errors;
using Waitlist.Infrastructure.RateLimiting;
using Waitlist.Infrastructure.Validation;

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

public static class AdminEndpointExtensions
{
    /// <summary>
    /// What every admin-plugin route shares: a validated JSON body, admin role (answering the plugin's own
    /// YOU_ARE_NOT_ALLOWED_TO_... 403 instead of the generic one) and the auth rate limit.
    /// </summary>
    public static RouteHandlerBuilder AdminOnly<TRequest>(this RouteHandlerBuilder route, ErrorKind forbidden) where TRequest : notnull => route
        .Accepts<TRequest>("application/json")
        .Validate<TRequest>()
        .Produces<BetterAuthError>(StatusCodes.Status401Unauthorized)
        .Produces<BetterAuthError>(StatusCodes.Status403Forbidden)
        .RequireAuthorization(AuthPolicies.Admin)
        .ForbiddenAs(forbidden)
        .RequireRateLimiting(RateLimitPolicies.Auth);
}
