using Waitlist.Features.Auth.Tokens;

namespace Waitlist.Features.Auth;

/// <summary>A refresh token as stored: its family (one per login), its owner and its life; never the token.</summary>
/// <param name="RotatedAt">When a successor replaced it (rotation); presenting it again afterwards is reuse.</param>
internal sealed record RefreshToken(string Id, string FamilyId, string UserId, DateTime ExpiresAt, DateTime? RotatedAt, DateTime CreatedAt);

/// <summary>A revoked access token: its id, refused until the token expires anyway.</summary>
internal sealed record RevokedAccessToken(string Jti, DateTime ExpiresAt);

internal sealed partial class AuthStore
{
    private const string RefreshTokenColumns =
        "id, family_id AS familyid, user_id AS userid, expires_at AS expiresat, rotated_at AS rotatedat, created_at AS createdat";

    private const string InsertRefreshTokenSql = """
        INSERT INTO refresh_tokens (id, family_id, user_id, token_hash, expires_at, created_at)
        VALUES (@Id, @FamilyId, @UserId, @Hash, @ExpiresAt, @Now)
        """;

    private const string RefreshTokenByHashSql = $"SELECT {RefreshTokenColumns} FROM refresh_tokens WHERE token_hash = @Hash";

    // Only one refresh can rotate a token: a second one presenting it (at the same moment or later) finds it rotated.
    private const string RotateRefreshTokenSql = "UPDATE refresh_tokens SET rotated_at = @Now WHERE id = @Id AND rotated_at IS NULL";

    private const string RevokeFamilySql = "DELETE FROM refresh_tokens WHERE family_id = @FamilyId";
    private const string RevokeUserRefreshTokensSql = "DELETE FROM refresh_tokens WHERE user_id = @UserId";
    private const string UserRefreshTokensSql = $"SELECT {RefreshTokenColumns} FROM refresh_tokens WHERE user_id = @UserId AND rotated_at IS NULL ORDER BY created_at";

    private const string RevokeAccessTokenSql = "INSERT INTO revoked_access_tokens (jti, expires_at) VALUES (@Jti, @ExpiresAt) ON CONFLICT (jti) DO NOTHING";
    private const string RevokedAccessTokensSql = "SELECT jti, expires_at AS expiresat FROM revoked_access_tokens WHERE expires_at > @Now";
    private const string IsAccessTokenRevokedSql = "SELECT EXISTS (SELECT 1 FROM revoked_access_tokens WHERE jti = @Jti)";

    /// <param name="familyId">The login the token continues; a new login starts a family of its own.</param>
    /// <returns>The token: the only copy, since the table keeps its hash.</returns>
    public async Task<string> CreateRefreshTokenAsync(string userId, string familyId, CancellationToken cancellationToken)
    {
        var token = AuthIds.New();
        var now = time.GetUtcNow();
        await db.ExecuteAsync(InsertRefreshTokenSql, new
        {
            Id = AuthIds.New(),
            FamilyId = familyId,
            UserId = userId,
            Hash = AuthIds.Hash(token),
            ExpiresAt = now + TokenOptions.RefreshTokenLifetime,
            Now = now,
        }, cancellationToken);
        return token;
    }

    public Task<RefreshToken?> FindRefreshTokenAsync(string token, CancellationToken cancellationToken) =>
        db.SingleOrDefaultAsync<RefreshToken>(RefreshTokenByHashSql, new { Hash = AuthIds.Hash(token) }, cancellationToken);

    /// <returns>Whether this call rotated the token; false when another had already done so.</returns>
    public async Task<bool> RotateRefreshTokenAsync(string tokenId, CancellationToken cancellationToken) =>
        await db.ExecuteAsync(RotateRefreshTokenSql, new { Id = tokenId, Now = time.GetUtcNow() }, cancellationToken) == 1;

    /// <summary>Revokes a login: every refresh token of its family, rotated ones included.</summary>
    public Task RevokeRefreshFamilyAsync(string familyId, CancellationToken cancellationToken) =>
        db.ExecuteAsync(RevokeFamilySql, new { FamilyId = familyId }, cancellationToken);

    /// <summary>Revokes every login of the user through the token API (a password reset, a ban).</summary>
    public Task RevokeRefreshTokensOfAsync(string userId, CancellationToken cancellationToken) =>
        db.ExecuteAsync(RevokeUserRefreshTokensSql, new { UserId = userId }, cancellationToken);

    /// <summary>The user's live logins through the token API: the current token of each family (for the data export).</summary>
    public Task<IReadOnlyList<RefreshToken>> RefreshTokensOfAsync(string userId, CancellationToken cancellationToken) =>
        db.ListAsync<RefreshToken>(UserRefreshTokensSql, new { UserId = userId }, cancellationToken);

    /// <summary>
    /// Refuses the access token <paramref name="jti"/> until <paramref name="expiresAt"/>, on every instance: the row, and
    /// a notification in the same transaction (<see cref="RevokedAccessTokens"/>).
    /// </summary>
    public Task RevokeAccessTokenAsync(string jti, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async () =>
        {
            await db.ExecuteAsync(RevokeAccessTokenSql, new { Jti = jti, ExpiresAt = expiresAt }, cancellationToken);
            await notifications.PublishAsync(RevokedAccessTokens.Channel, [jti], cancellationToken);
            db.AfterCommit(() => revokedAccessTokens.Add(jti, expiresAt));
            return true;
        }, cancellationToken);

    /// <summary>Whether the access token <paramref name="jti"/> was revoked; from <see cref="RevokedAccessTokens"/> when it knows them all.</summary>
    public async Task<bool> IsAccessTokenRevokedAsync(string jti, CancellationToken cancellationToken)
    {
        if (revokedAccessTokens.IsRevoked(jti) is { } known)
            return known;
        if (revokedAccessTokens.BeginLoad() is { } load)
        {
            var revoked = await db.ListAsync<RevokedAccessToken>(RevokedAccessTokensSql, new { Now = time.GetUtcNow() }, cancellationToken);
            revokedAccessTokens.CompleteLoad(load, revoked);
            return revoked.Any(token => token.Jti == jti);
        }
        return await db.ScalarAsync<bool>(IsAccessTokenRevokedSql, new { Jti = jti }, cancellationToken);
    }
}
