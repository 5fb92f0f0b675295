using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Waitlist.Infrastructure.Auth;
using Waitlist.Infrastructure.Email;
using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Errors;

namespace Waitlist.Features.Auth.SendVerificationEmail;

/// <summary>Queues a new verification link for an unverified account; answers the same whether or not the email is registered.</summary>
public sealed class Handler(NpgsqlDataSource dataSource, AuthOptions options, TrustedOrigins origins, EmailTemplates templates) : IHandler
{
    private static readonly string UserSql = $"SELECT {AuthUser.Columns("u")} FROM users u WHERE lower(u.email) = lower(@Email) AND NOT u.email_verified";

    public async Task<Results<Ok<StatusResponse>, JsonHttpResult<BetterAuthError>>> HandleAsync(Request request, CancellationToken cancellationToken)
    {
        if (!origins.IsTrustedRedirect(request.CallbackURL))
            return AuthErrors.Result(AuthTexts.InvalidCallbackUrl);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var user = await connection.QuerySingleOrDefaultAsync<AuthUser>(new CommandDefinition(UserSql, new { Email = request.Email!.Trim() }, transaction, cancellationToken: cancellationToken));
        if (user is not null)
            await VerificationEmail.EnqueueAsync(transaction, user, request.CallbackURL, options, templates, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(new StatusResponse(true));
    }
}
