using Waitlist.Features.Auth.Emails;
using Waitlist.Features.Auth.Passwords;
using Waitlist.Features.Auth.Sessions;

namespace Waitlist.Features.Auth.SignUp;

/// <summary>
/// Creates the account (role «user») and queues its verification email; then, as Better Auth does, signs it in. With
/// <c>Auth:ConcealRegisteredEmails</c> nobody is signed in, and a registered address gets the very answer a new one
/// gets while its owner is told by email: the same work on both paths (a KDF run, one insert, one queued email).
/// </summary>
internal sealed class Handler(DbScope db, AuthStore store, IPasswordHasher passwords, SessionIssuer sessions, AccountEmails emails, AuthOptions options) : IHandler
{
    public async Task<Results<Ok<SignedInResponse>, ErrorResult>> HandleAsync(Request request, HttpContext context, CancellationToken cancellationToken)
    {
        var hash = passwords.Hash(request.Password!);
        var name = request.Name!.Trim();
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var created = await store.CreateUserAsync(
            new NewUser(name, request.Email!, request.Image, request.Username, request.DisplayUsername ?? request.Username, AuthRoles.User, hash),
            cancellationToken);

        switch (created.Conflict)
        {
            case UserConflict.Username:
                return ErrorResponses.Result(AuthTexts.UsernameTaken);
            case UserConflict.Email when !options.ConcealRegisteredEmails:
                return ErrorResponses.Result(AuthTexts.UserAlreadyExists);
            case UserConflict.Email:
                await emails.RequestAsync(AccountEmails.SignUpAttempt, created.Email, request.CallbackURL, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return TypedResults.Ok(Concealed(AuthIds.New(), name, created.Email, request));
        }

        var user = created.User!;
        await emails.RequestAsync(AccountEmails.VerifyEmail, user.Email, request.CallbackURL, cancellationToken);
        if (options.ConcealRegisteredEmails)
        {
            await transaction.CommitAsync(cancellationToken);
            return TypedResults.Ok(Concealed(user.Id, name, user.Email, request));
        }
        var token = await sessions.OpenAsync(context, user.Id, request.RememberMe ?? true, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(new SignedInResponse(null, token, null, user));
    }

    /// <summary>
    /// The answer of a concealing sign-up, built alike for a new and a registered address (timestamps at the database's
    /// microsecond precision), so no field tells them apart.
    /// </summary>
    private static SignedInResponse Concealed(string id, string name, string email, Request request)
    {
        var now = DateTime.UtcNow;
        now = now.AddTicks(-(now.Ticks % 10));
        var username = request.Username?.ToLowerInvariant();
        return new SignedInResponse(null, null, null, new AuthUser(name, email, false, request.Image, now, now,
            username, request.DisplayUsername ?? request.Username, AuthRoles.User, false, null, null, id));
    }
}
