using Microsoft.AspNetCore.WebUtilities;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Waitlist.Infrastructure.Auth;
using Waitlist.Infrastructure.Email;
using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Errors;

namespace Waitlist.Features.Auth.RequestPasswordReset;

/// <summary>
/// Emails a single-use link valid for one hour when the account exists; answers the same either way, so the endpoint
/// cannot tell anyone which emails are registered.
/// </summary>
public sealed class Handler(NpgsqlDataSource dataSource, AuthOptions options, TrustedOrigins origins, EmailTemplates templates) : IHandler
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private const string UserSql = "SELECT id, name, email FROM users WHERE lower(email) = lower(@Email)";

    public async Task<Results<Ok<Response>, JsonHttpResult<BetterAuthError>>> HandleAsync(Request request, CancellationToken cancellationToken)
    {
        if (!origins.IsTrustedRedirect(request.RedirectTo))
            return AuthErrors.Result(AuthTexts.InvalidRedirectUrl);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var user = await connection.QuerySingleOrDefaultAsync<Recipient>(new CommandDefinition(UserSql, new { Email = request.Email!.Trim() }, transaction, cancellationToken: cancellationToken));
        if (user is not null)
        {
            var token = await new VerificationTokens(options).CreateAsync(transaction, VerificationTokens.PasswordReset, user.Id, Lifetime, cancellationToken);
            var page = string.IsNullOrEmpty(request.RedirectTo) ? options.BaseUrl.GetLeftPart(UriPartial.Authority) + "/reset-password"
                : request.RedirectTo.StartsWith('/') ? options.BaseUrl.GetLeftPart(UriPartial.Authority) + request.RedirectTo
                : request.RedirectTo;
            // AddQueryString keeps a #fragment after the query, where a naive append would hide the token inside it.
            var link = QueryHelpers.AddQueryString(page, "token", token);
            var message = templates.Render("ResetPasswordEmail", user.Email, AuthTexts.ResetPasswordSubject, new { user.Name, Link = link });
            await EmailOutbox.EnqueueAsync(transaction, message, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(new Response(true, AuthTexts.PasswordResetRequested));
    }

    private sealed record Recipient(string Id, string Name, string Email);
}
