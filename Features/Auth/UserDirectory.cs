using Waitlist.Features.Auth.Passwords;

namespace Waitlist.Features.Auth;

/// <summary>The answer of <see cref="UserDirectory.CheckPasswordAsync"/>.</summary>
public enum PasswordCheck
{
    Correct,
    Wrong,

    /// <summary>The account has a password and none was given.</summary>
    Missing,

    /// <summary>The account has no password (it signs in another way): there is nothing to check.</summary>
    AccountHasNone,
}

/// <summary>
/// Auth's public way to look users up and to change what other features may change of an account (its name and
/// image, on the owner's behalf), for the features that need to know about accounts without reading Auth's tables.
/// Email addresses are compared under the database's one rule (<c>normalized_email()</c>).
/// </summary>
public sealed class UserDirectory
{
    /// <summary>The longest name an account may have, as sign-up and update-user allow.</summary>
    public const int MaxNameLength = AuthRules.MaxTextLength;

    private readonly AuthStore _store;
    private readonly IPasswordHasher _passwords;

    internal UserDirectory(AuthStore store, IPasswordHasher passwords) => (_store, _passwords) = (store, passwords);

    /// <summary>Whether <paramref name="id"/> has the shape of a user id: a route id that does not is a 400, not a lookup.</summary>
    public static bool IsWellFormedId(string id) => AuthIds.IsWellFormed(id);

    public Task<AuthUser?> FindAsync(string userId, CancellationToken cancellationToken) => _store.FindUserAsync(userId, cancellationToken);

    /// <summary>The accounts of <paramref name="userIds"/> that exist, in no particular order.</summary>
    public async Task<IReadOnlyList<AuthUser>> FindManyAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken) =>
        userIds.Count == 0 ? [] : await _store.FindUsersAsync(userIds, cancellationToken);

    public Task<AuthUser?> FindByEmailAsync(string email, CancellationToken cancellationToken) => _store.FindUserByEmailAsync(email, cancellationToken);

    /// <summary>The addresses of the team (staff and admin), banned accounts left out: who receives internal reports.</summary>
    public Task<IReadOnlyList<string>> TeamEmailsAsync(CancellationToken cancellationToken) =>
        _store.EmailsWithRolesAsync(AuthRoles.Team, cancellationToken);

    /// <summary>Which of <paramref name="emails"/> belong to an account, as stored (normalised).</summary>
    public Task<IReadOnlyList<string>> WithAccountsAsync(IReadOnlyCollection<string> emails, CancellationToken cancellationToken) =>
        _store.EmailsWithAccountsAsync(emails, cancellationToken);

    /// <summary>Renames the account (a null name keeps it) and, when <paramref name="changeImage"/>, sets its image (null clears it).</summary>
    /// <returns>The account as it is now.</returns>
    public Task<AuthUser> UpdateNameAndImageAsync(string userId, string? name, bool changeImage, string? image, CancellationToken cancellationToken) =>
        _store.UpdateNameAndImageAsync(userId, name, changeImage, image, cancellationToken);

    /// <summary>One page of the user's sessions, newest first (<paramref name="active"/>: only live ones, only ended ones, or both), and how many match.</summary>
    public Task<(IReadOnlyList<AuthSession> Rows, long Total)> SessionsAsync(string userId, bool? active, Page page, CancellationToken cancellationToken) =>
        _store.QuerySessionsAsync(new SessionQuery(userId, active, page), cancellationToken);

    /// <summary>
    /// Which of <paramref name="sessionIds"/> are still live — not signed out or revoked, not expired, their account not
    /// banned — asked of the database itself: for a connection that outlives the request that authenticated it (the
    /// real-time hub), checking its session again when <see cref="SessionChanges"/> says it may have ended.
    /// </summary>
    public async Task<IReadOnlySet<string>> LiveSessionIdsAsync(IReadOnlyCollection<string> sessionIds, CancellationToken cancellationToken) =>
        sessionIds.Count == 0 ? new HashSet<string>() : (await _store.LiveSessionIdsAsync(sessionIds, cancellationToken)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Checks the account's password, for a step that asks the owner to confirm who they are (the KDF runs: it takes its time).</summary>
    public async Task<PasswordCheck> CheckPasswordAsync(string userId, string? password, CancellationToken cancellationToken)
    {
        var hash = await _store.PasswordHashAsync(userId, cancellationToken);
        if (hash is null)
            return PasswordCheck.AccountHasNone;
        if (string.IsNullOrEmpty(password))
            return PasswordCheck.Missing;
        return _passwords.Verify(password, hash) ? PasswordCheck.Correct : PasswordCheck.Wrong;
    }

    /// <summary>
    /// Whether an admin who can sign in remains if the account stops being one (true when it is none). Call it inside
    /// the transaction that removes the account, before removing it: it serialises such changes until that transaction ends.
    /// </summary>
    public Task<bool> AnotherAdminRemainsAsync(string userId, CancellationToken cancellationToken) =>
        _store.AnotherAdminRemainsAsync(userId, cancellationToken);
}
