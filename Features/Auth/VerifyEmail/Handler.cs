using Microsoft.AspNetCore.WebUtilities;
using Waitlist.Features.Auth.Emails;

namespace Waitlist.Features.Auth.VerifyEmail;

/// <summary>
/// Consumes the emailed token and marks the address verified (an <c>Auth:AdminEmails</c> address becomes admin); then
/// redirects to callbackURL when given — with <c>?error=INVALID_TOKEN</c> when the token is not valid, as Better Auth
/// does — or answers JSON.
/// </summary>
internal sealed class Handler(DbScope db, AuthStore store, VerificationTokens tokens, AuthOptions options) : IHandler
{
    public async Task<Results<RedirectHttpResult, Ok<StatusResponse>, ErrorResult>> HandleAsync(Request request, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var userId = await tokens.ConsumeAsync(VerificationTokens.EmailVerification, request.Token, cancellationToken);
        if (userId is not null)
            await store.VerifyEmailAsync(userId, options.AdminEmails, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        if (!string.IsNullOrEmpty(request.CallbackURL))
            return TypedResults.Redirect(userId is null ? QueryHelpers.AddQueryString(request.CallbackURL, "error", "INVALID_TOKEN") : request.CallbackURL);
        return userId is null ? ErrorResponses.Result(AuthTexts.InvalidVerificationToken) : TypedResults.Ok(new StatusResponse(true));
    }
}
