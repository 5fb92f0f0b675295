using Microsoft.AspNetCore.Http.HttpResults;
using Waitlist.Features.Auth.Passwords;
using Waitlist.Features.Auth.Sessions;
using Waitlist.Infrastructure.Database;
using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Errors;

namespace Waitlist.Features.Auth.SignIn;

/// <summary>
/// Sign-in by email or username. A wrong password and an unknown account give the same answer in the same time (the
/// KDF runs against a dummy hash); a ban is refused only after the password proved right (and lifts itself once
/// expired); an old hash is upgraded and a verified <c>Auth:AdminEmails</c> account becomes admin; then a session.
/// </summary>
internal sealed class Handler(DbScope db, AuthStore store, IPasswordHasher passwords, SessionIssuer sessions, AuthOptions options) : IHandler
{
    public async Task<Results<Ok<SignedInResponse>, ErrorResult>> HandleAsync(Credentials credentials, HttpContext context, CancellationToken cancellationToken)
    {
        var found = credentials.By == Login.Email
            ? await store.FindForSignInByEmailAsync(credentials.Login, cancellationToken)
            : await store.FindForSignInByUsernameAsync(credentials.Login, cancellationToken);

        if (!passwords.Verify(credentials.Password, found?.PasswordHash) || found is null)
            return ErrorResponses.Result(credentials.By == Login.Email ? AuthTexts.InvalidEmailOrPassword : AuthTexts.InvalidUsernameOrPassword);
        if (found.User.Banned && (found.User.BanExpires is null || found.User.BanExpires > DateTime.UtcNow))
            return ErrorResponses.Result(AuthTexts.BannedUser);

        var newHash = passwords.NeedsRehash(found.PasswordHash!) ? passwords.Hash(credentials.Password) : null;
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var user = await store.CompleteSignInAsync(found.User, newHash, options.AdminEmails, cancellationToken);
        var token = await sessions.OpenAsync(context, user.Id, credentials.RememberMe, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var callbackUrl = credentials.CallbackUrl;
        if (callbackUrl is not null)
            context.Response.Headers.Location = callbackUrl;
        return TypedResults.Ok(new SignedInResponse(callbackUrl is not null, token, callbackUrl, user));
    }
}
