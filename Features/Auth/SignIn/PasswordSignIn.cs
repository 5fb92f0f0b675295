using Waitlist.Features.Auth.Passwords;

namespace Waitlist.Features.Auth.SignIn;

/// <summary>What <see cref="PasswordSignIn.CheckAsync"/> found: the account to sign in, or why not.</summary>
/// <param name="NewHash">The password hashed again, when the stored hash was made with weaker parameters.</param>
internal sealed record CheckedSignIn(AuthUser? User, string? NewHash, ErrorKind? Error);

/// <summary>
/// The password check of every sign-in — a session's (<see cref="Handler"/>) and the token API's login. A wrong password
/// and an unknown account give the same answer in the same time (the KDF runs against a dummy hash); a ban is refused
/// only after the password proved right (and lifts itself once expired); completing the sign-in upgrades an old hash and
/// makes a verified <c>Auth:AdminEmails</c> account admin.
/// </summary>
internal sealed class PasswordSignIn(AuthStore store, IPasswordHasher passwords, AuthOptions options, TimeProvider time)
{
    /// <param name="wrongCredentials">The error for a wrong password or an unknown account.</param>
    public async Task<CheckedSignIn> CheckAsync(Credentials credentials, ErrorKind wrongCredentials, CancellationToken cancellationToken)
    {
        var found = credentials.By == Login.Email
            ? await store.FindForSignInByEmailAsync(credentials.Login, cancellationToken)
            : await store.FindForSignInByUsernameAsync(credentials.Login, cancellationToken);
        if (!passwords.Verify(credentials.Password, found?.PasswordHash) || found is null)
            return new CheckedSignIn(null, null, wrongCredentials);
        if (found.User.IsBannedAt(time.GetUtcNow().UtcDateTime))
            return new CheckedSignIn(null, null, AuthTexts.BannedUser);
        return new CheckedSignIn(found.User, passwords.NeedsRehash(found.PasswordHash!) ? passwords.Hash(credentials.Password) : null, null);
    }

    /// <summary>Records the sign-in, in the caller's transaction.</summary>
    /// <returns>The account as it is now.</returns>
    public Task<AuthUser> CompleteAsync(CheckedSignIn signIn, CancellationToken cancellationToken) =>
        store.CompleteSignInAsync(signIn.User!, signIn.NewHash, options.AdminEmails, cancellationToken);
}
