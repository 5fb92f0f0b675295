using Waitlist.Features.Auth.Sessions;

namespace Waitlist.Features.Auth;

/// <summary>A session to open for a user, with what the request told about its client.</summary>
internal sealed record NewSession(string UserId, TimeSpan Lifetime, bool RememberMe, string? IpAddress, string? UserAgent);

/// <summary>A page of sessions, newest first: one user's or everyone's, live ones, ended ones or both.</summary>
internal sealed record SessionQuery(string? UserId, bool? Active, Page Page);

internal sealed partial class AuthStore
{
    private const string InsertSessionSql = """
        INSERT INTO sessions (id, token_hash, user_id, expires_at, ip_address, user_agent, remember_me)
        VALUES (@Id, @Hash, @UserId, now() + @Lifetime, @IpAddress, @UserAgent, @RememberMe)
        """;

    // One indexed lookup (sessions.token_hash is unique, then the users primary key); a banned user has no session.
    private const string SessionByTokenSql = $"""
        SELECT {SessionColumns}, {UserColumns}
        FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = @Hash AND s.expires_at > now() AND NOT {BannedNowSql}
        """;

    // The same rule as SessionByTokenSql, for sessions named by id.
    private const string LiveSessionIdsSql = $"""
        SELECT s.id FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id = ANY(@Ids) AND s.expires_at > now() AND NOT {BannedNowSql}
        """;

    private const string ExtendSessionSql = $"UPDATE sessions s SET expires_at = now() + @Lifetime, updated_at = now() WHERE s.id = @Id RETURNING {SessionColumns}";
    private const string UserSessionsSql = $"SELECT {SessionColumns} FROM sessions s WHERE s.user_id = @UserId AND s.expires_at > now() ORDER BY s.created_at";
    private const string SessionByIdSql = $"SELECT {SessionColumns} FROM sessions s WHERE s.id = @Id";
    private const string DeleteByTokenSql = "DELETE FROM sessions WHERE token_hash = @Hash RETURNING user_id";

    private const string SessionFilterSql = "(@UserId::text IS NULL OR s.user_id = @UserId) AND (@Active::boolean IS NULL OR (s.expires_at > now()) = @Active)";
    private const string SessionPageSql = $"""
        SELECT {SessionColumns} FROM sessions s WHERE {SessionFilterSql}
        ORDER BY s.created_at DESC, s.id DESC LIMIT @Limit OFFSET @Offset;
        SELECT count(*) FROM sessions s WHERE {SessionFilterSql};
        """;

    // A session named by its token, or by its id (list-sessions shows the other sessions' ids in place of tokens).
    private const string DeleteOwnSessionSql = "DELETE FROM sessions WHERE user_id = @UserId AND (token_hash = @Hash OR id = @TokenOrId) RETURNING user_id";
    private const string DeleteAnySessionSql = "DELETE FROM sessions WHERE token_hash = @Hash OR id = @TokenOrId RETURNING user_id";
    private const string DeleteUserSessionsSql = "DELETE FROM sessions WHERE user_id = @UserId AND id IS DISTINCT FROM @KeepId RETURNING user_id";

    // A signing key goes a day after the next one started signing: long past the last token it signed.
    private const string DeleteExpiredSql = """
        WITH expired_sessions AS (DELETE FROM sessions WHERE expires_at <= now() RETURNING 1),
             expired_tokens AS (DELETE FROM verifications WHERE expires_at <= now() RETURNING 1),
             expired_api_keys AS (DELETE FROM api_keys WHERE expires_at <= now() RETURNING 1),
             expired_refresh_tokens AS (DELETE FROM refresh_tokens WHERE expires_at <= now() RETURNING 1),
             expired_revocations AS (DELETE FROM revoked_access_tokens WHERE expires_at <= now() RETURNING 1),
             retired_signing_keys AS (
                 DELETE FROM signing_keys k
                 WHERE EXISTS (SELECT 1 FROM signing_keys n WHERE n.signs_from > k.signs_from AND n.signs_from < now() - interval '1 day')
                 RETURNING 1)
        SELECT (SELECT count(*) FROM expired_sessions) + (SELECT count(*) FROM expired_tokens) + (SELECT count(*) FROM expired_api_keys)
             + (SELECT count(*) FROM expired_refresh_tokens) + (SELECT count(*) FROM expired_revocations) + (SELECT count(*) FROM retired_signing_keys)
        """;

    /// <returns>The new session's token: the only copy, since the table keeps its hash.</returns>
    public async Task<string> CreateSessionAsync(NewSession session, CancellationToken cancellationToken)
    {
        var token = AuthIds.New();
        await db.ExecuteAsync(InsertSessionSql, new
        {
            Id = AuthIds.New(),
            Hash = AuthIds.Hash(token),
            session.UserId,
            session.Lifetime,
            session.IpAddress,
            session.UserAgent,
            session.RememberMe,
        }, cancellationToken);
        return token;
    }

    /// <summary>The live session of <paramref name="token"/> and its (not banned) user, or null; from <see cref="SessionCache"/> when it holds it.</summary>
    public async Task<CurrentSession?> FindSessionAsync(string token, CancellationToken cancellationToken)
    {
        if (sessionCache.Find(token) is { } cached)
            return cached;
        var version = sessionCache.Version;
        var found = await db.RunAsync(async (connection, transaction) => (await connection.QueryAsync<AuthSession, AuthUser, CurrentSession>(
            new CommandDefinition(SessionByTokenSql, new { Hash = AuthIds.Hash(token) }, transaction, cancellationToken: cancellationToken),
            (session, user) => new CurrentSession(token, session, user), splitOn: "name")).SingleOrDefault(), cancellationToken);
        if (found is not null)
            sessionCache.Add(found, version);
        return found;
    }

    /// <summary>Which of <paramref name="sessionIds"/> are live now, asked of the database (never of <see cref="SessionCache"/>).</summary>
    public Task<IReadOnlyList<string>> LiveSessionIdsAsync(IReadOnlyCollection<string> sessionIds, CancellationToken cancellationToken) =>
        db.ListAsync<string>(LiveSessionIdsSql, new { Ids = sessionIds.ToArray() }, cancellationToken);

    public Task<AuthSession?> ExtendSessionAsync(string sessionId, TimeSpan lifetime, CancellationToken cancellationToken) =>
        ChangeAsync(() => db.SingleOrDefaultAsync<AuthSession>(ExtendSessionSql, new { Id = sessionId, Lifetime = lifetime }, cancellationToken),
            session => [session?.UserId], cancellationToken);

    public Task<IReadOnlyList<AuthSession>> ListSessionsAsync(string userId, CancellationToken cancellationToken) =>
        db.ListAsync<AuthSession>(UserSessionsSql, new { UserId = userId }, cancellationToken);

    /// <summary>One page of the sessions <paramref name="query"/> asks for, expired ones included unless it says otherwise, and how many match.</summary>
    public Task<(IReadOnlyList<AuthSession> Rows, long Total)> QuerySessionsAsync(SessionQuery query, CancellationToken cancellationToken) =>
        PageAsync<AuthSession>(SessionPageSql, new { query.UserId, query.Active, query.Page.Limit, query.Page.Offset }, cancellationToken);

    public Task<AuthSession?> FindSessionByIdAsync(string sessionId, CancellationToken cancellationToken) =>
        db.SingleOrDefaultAsync<AuthSession>(SessionByIdSql, new { Id = sessionId }, cancellationToken);

    public Task DeleteSessionAsync(string token, CancellationToken cancellationToken) =>
        DeleteEvictingAsync(DeleteByTokenSql, new { Hash = AuthIds.Hash(token) }, cancellationToken);

    /// <summary>Ends one of <paramref name="userId"/>'s sessions, named by token or id; any other is left alone.</summary>
    public Task DeleteSessionOfAsync(string userId, string tokenOrId, CancellationToken cancellationToken) =>
        DeleteEvictingAsync(DeleteOwnSessionSql, new { UserId = userId, Hash = AuthIds.Hash(tokenOrId), TokenOrId = tokenOrId }, cancellationToken);

    /// <summary>Ends any user's session, named by token or id (admin).</summary>
    /// <returns>Whether there was such a session.</returns>
    public async Task<bool> DeleteAnySessionAsync(string tokenOrId, CancellationToken cancellationToken) =>
        (await DeleteEvictingAsync(DeleteAnySessionSql, new { Hash = AuthIds.Hash(tokenOrId), TokenOrId = tokenOrId }, cancellationToken)).Count > 0;

    /// <summary>Ends every session of the user but <paramref name="keepSessionId"/> (all of them when null).</summary>
    public Task DeleteSessionsAsync(string userId, string? keepSessionId, CancellationToken cancellationToken) =>
        DeleteEvictingAsync(DeleteUserSessionsSql, new { UserId = userId, KeepId = keepSessionId }, cancellationToken);

    /// <summary>Deletes sessions and evicts their users' cached sessions on every instance (<see cref="ChangeAsync"/>).</summary>
    /// <param name="sql">A DELETE on sessions returning the user_id of each row deleted.</param>
    private Task<IReadOnlyList<string>> DeleteEvictingAsync(string sql, object parameters, CancellationToken cancellationToken) =>
        ChangeAsync(() => db.ListAsync<string>(sql, parameters, cancellationToken), userIds => userIds, cancellationToken);

    /// <returns>
    /// How many expired sessions, single-use tokens, API keys, refresh tokens and revocations, and retired signing keys
    /// were deleted.
    /// </returns>
    /// <remarks>No eviction: the caches never keep a session or a key past its expiry.</remarks>
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken) =>
        (int)await db.ScalarAsync<long>(DeleteExpiredSql, null, cancellationToken);
}
