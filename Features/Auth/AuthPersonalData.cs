namespace Waitlist.Features.Auth;

/// <summary>
/// The account, its sessions, API keys and token logins: exported without the password hash or any token or key (only
/// their hashes are stored, and those are not the person's to take away); erased with every row that names the account.
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
        var (apiKeys, _) = await store.ListOwnApiKeysAsync(new OwnApiKeysQuery(user.Id, "created_at", Descending: false, Limit: null, Offset: 0), cancellationToken);
        var logins = await store.RefreshTokensOfAsync(user.Id, cancellationToken);
        return new AccountExport(user, hasPassword, sessions,
            [.. apiKeys.Select(key => new ApiKeyExport(key.Id, key.Name, key.Start, key.Enabled, key.CreatedAt, key.ExpiresAt, key.LastUsedAt))],
            [.. logins.Select(login => new TokenLoginExport(login.CreatedAt, login.ExpiresAt))]);
    }

    public Task EraseAsync(DataSubject subject, CancellationToken cancellationToken) =>
        store.EraseAccountAsync(subject.UserId, subject.Email, cancellationToken);

    /// <param name="HasPassword">Whether the account signs in with a password (the hash itself is not exported).</param>
    /// <param name="TokenLogins">The logins through the token API that are still open (their refresh tokens are not exported).</param>
    private sealed record AccountExport(
        AuthUser User, bool HasPassword, IReadOnlyList<AuthSession> Sessions, IReadOnlyList<ApiKeyExport> ApiKeys, IReadOnlyList<TokenLoginExport> TokenLogins);

    private sealed record ApiKeyExport(string Id, string? Name, string Start, bool Enabled, DateTime CreatedAt, DateTime? ExpiresAt, DateTime? LastUsedAt);

    private sealed record TokenLoginExport(DateTime CreatedAt, DateTime ExpiresAt);
}
