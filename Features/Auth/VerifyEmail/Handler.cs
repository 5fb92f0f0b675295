using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Waitlist.Infrastructure.Auth;
using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Errors;

namespace Waitlist.Features.Auth.VerifyEmail;

/// <summary>
/// Consumes the emailed token and marks the email verified; then redirects to callbackURL when given (with
/// <c>?error=INVALID_TOKEN</c> when the token is not valid, as Better Auth does) or answers JSON.
/// </summary>
public sealed class Handler(NpgsqlDataSource dataSource, AuthOptions options, TrustedOrigins origins) : IHandler
{
    // A verified address listed in Auth:AdminEmails is the operator's: this is where the first admin appears.
    private const string VerifySql = """
        UPDATE users SET email_verified = true,
                         role = CASE WHEN lower(email) = ANY(@AdminEmails) THEN 'admin' ELSE role END,
                         updated_at = now()
        WHERE id = @UserId
        """;

    public async Task<Results<RedirectHttpResult, Ok<StatusResponse>, JsonHttpResult<BetterAuthError>>> HandleAsync(string? token, string? callbackURL, CancellationToken cancellationToken)
    {
        if (!origins.IsTrustedRedirect(callbackURL))
            return AuthErrors.Result(AuthTexts.InvalidCallbackUrl);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var userId = await new VerificationTokens(options).ConsumeAsync(transaction, VerificationTokens.EmailVerification, token, cancellationToken);
        if (userId is not null)
            await connection.ExecuteAsync(new CommandDefinition(VerifySql, new { UserId = userId, AdminEmails = options.AdminEmails.ToArray() }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);

        if (!string.IsNullOrEmpty(callbackURL))
            return TypedResults.Redirect(userId is null ? callbackURL + (callbackURL.Contains('?') ? "&" : "?") + "error=INVALID_TOKEN" : callbackURL);
        return userId is null ? AuthErrors.Result(AuthTexts.InvalidVerificationToken) : TypedResults.Ok(new StatusResponse(true));
    }
}
