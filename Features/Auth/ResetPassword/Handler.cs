using Waitlist.Features.Auth.Emails;
using Waitlist.Features.Auth.Passwords;

namespace Waitlist.Features.Auth.ResetPassword;

/// <summary>Consumes the token, sets the new password and ends every session and token login of the account, in one transaction.</summary>
internal sealed class Handler(DbScope db, AuthStore store, VerificationTokens tokens, IPasswordHasher passwords) : IHandler
{
    public async Task<Results<Ok<StatusResponse>, ErrorResult>> HandleAsync(Request request, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var userId = await tokens.ConsumeAsync(VerificationTokens.PasswordReset, request.Token, cancellationToken);
        if (userId is null)
        {
            await transaction.CommitAsync(cancellationToken); // an expired token is spent all the same
            return ErrorResponses.Result(AuthTexts.InvalidToken);
        }
        await store.SetPasswordAsync(userId, passwords.Hash(request.NewPassword!), cancellationToken);
        await store.DeleteSessionsAsync(userId, keepSessionId: null, cancellationToken);
        await store.RevokeRefreshTokensOfAsync(userId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(new StatusResponse(true));
    }
}
