using Waitlist.Infrastructure.Pagination;
using Waitlist.Infrastructure.PersonalData;

namespace Waitlist.Features.Auth;

/// <summary>
/// The account and its sessions: exported without the password hash or any token (only their hashes are stored, and
/// those are not the person's to take away); erased with every row that names the account.
/// </summary>
internal sealed class AuthPersonalData(AuthStore store) : IPersonalData
{
    public string Section => "account";

    public async Task<object?> ExportAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var user = await store.FindUserAsync(subject.UserId, cancellationToken);
        if (user is null)
            return null;
        var (sessions, _) = await store.QuerySessionsAsync(new SessionQuery(user.Id, Active: null, new Page(int.MaxValue, 0)), cancellationToken);
        var hasPassword = await store.PasswordHashAsync(user.Id, cancellationToken) is not null;
        return new AccountExport(user, hasPassword, sessions);
    }

    public Task EraseAsync(DataSubject subject, CancellationToken cancellationToken) =>
        store.EraseAccountAsync(subject.UserId, subject.Email, cancellationToken);

    /// <param name="HasPassword">Whether the account signs in with a password (the hash itself is not exported).</param>
    private sealed record AccountExport(AuthUser User, bool HasPassword, IReadOnlyList<AuthSession> Sessions);
}
