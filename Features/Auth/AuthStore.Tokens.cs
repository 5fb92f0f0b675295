namespace Waitlist.Features.Auth;

/// <summary>A queued request for an account email, taken off the queue by <see cref="Emails.AccountEmailWorker"/>.</summary>
internal sealed record AccountEmailRequest(long Id, string Kind, string Email, string? CallbackUrl);

internal sealed partial class AuthStore
{
    private const string InsertVerificationSql = """
        INSERT INTO verifications (id, purpose, token_hash, user_id, expires_at)
        VALUES (@Id, @Purpose, @Hash, @UserId, now() + @Lifetime)
        """;

    // Consuming deletes the row, so a token works once; an expired one is spent all the same.
    private const string ConsumeVerificationSql = """
        DELETE FROM verifications WHERE token_hash = @Hash AND purpose = @Purpose
        RETURNING CASE WHEN expires_at > now() THEN user_id END
        """;

    private const string QueueEmailRequestSql = "INSERT INTO account_email_requests (kind, email, callback_url) VALUES (@Kind, @Email, @CallbackUrl)";

    private const string ClaimEmailRequestsSql = """
        DELETE FROM account_email_requests
        WHERE id IN (SELECT id FROM account_email_requests ORDER BY id LIMIT @Limit FOR UPDATE SKIP LOCKED)
        RETURNING id, kind, email, callback_url AS callbackurl
        """;

    public Task CreateVerificationAsync(string purpose, byte[] tokenHash, string userId, TimeSpan lifetime, CancellationToken cancellationToken) =>
        db.ExecuteAsync(InsertVerificationSql, new { Id = AuthIds.New(), Purpose = purpose, Hash = tokenHash, UserId = userId, Lifetime = lifetime }, cancellationToken);

    /// <returns>The token's user when it existed and had not expired; null otherwise.</returns>
    public Task<string?> ConsumeVerificationAsync(string purpose, byte[] tokenHash, CancellationToken cancellationToken) =>
        db.ScalarAsync<string?>(ConsumeVerificationSql, new { Purpose = purpose, Hash = tokenHash }, cancellationToken);

    public Task QueueEmailRequestAsync(string kind, string email, string? callbackUrl, CancellationToken cancellationToken) =>
        db.ExecuteAsync(QueueEmailRequestSql, new { Kind = kind, Email = email, CallbackUrl = callbackUrl }, cancellationToken);

    /// <summary>Takes up to <paramref name="limit"/> requests off the queue; in the caller's transaction, so a failure puts them back.</summary>
    public Task<IReadOnlyList<AccountEmailRequest>> ClaimEmailRequestsAsync(int limit, CancellationToken cancellationToken) =>
        db.ListAsync<AccountEmailRequest>(ClaimEmailRequestsSql, new { Limit = limit }, cancellationToken);
}
