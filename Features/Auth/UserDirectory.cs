namespace Waitlist.Features.Auth;

/// <summary>
/// Auth's public way to look users up, for the features that need to know about accounts without reading Auth's
/// tables. Email addresses are compared under the database's one rule (<c>normalized_email()</c>).
/// </summary>
public sealed class UserDirectory
{
    private readonly AuthStore _store;

    internal UserDirectory(AuthStore store) => _store = store;

    public Task<AuthUser?> FindAsync(string userId, CancellationToken cancellationToken) => _store.FindUserAsync(userId, cancellationToken);

    public Task<AuthUser?> FindByEmailAsync(string email, CancellationToken cancellationToken) => _store.FindUserByEmailAsync(email, cancellationToken);

    /// <summary>The addresses of the team (staff and admin), banned accounts left out: who receives internal reports.</summary>
    public Task<IReadOnlyList<string>> TeamEmailsAsync(CancellationToken cancellationToken) =>
        _store.EmailsWithRolesAsync(AuthRoles.Team, cancellationToken);

    /// <summary>Which of <paramref name="emails"/> belong to an account, as stored (normalised).</summary>
    public Task<IReadOnlyList<string>> WithAccountsAsync(IReadOnlyCollection<string> emails, CancellationToken cancellationToken) =>
        _store.EmailsWithAccountsAsync(emails, cancellationToken);
}
