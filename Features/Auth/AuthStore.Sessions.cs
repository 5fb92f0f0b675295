using Dapper;
using Waitlist.Features.Auth.Sessions;

namespace Waitlist.Features.Auth;

/// <summary>A session to open for a user, with what the request told about its client.</summary>
internal sealed record NewSession(string UserId, TimeSpan Lifetime, bool RememberMe, string? IpAddress, string? UserAgent);

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
        WHERE s.token_hash = @Hash AND s.expires_at > now()
          AND NOT (u.banned AND (u.ban_expires IS NULL OR u.ban_expires > now()))
        """;

    private const string ExtendSessionSql = $"UPDATE sessions s SET expires_at = now() + @Lifetime, updated_at = now() WHERE s.id = @Id RETURNING {SessionColumns}";
    private const string UserSessionsSql = $"SELECT {SessionColumns} FROM sessions s WHERE s.user_id = @UserId AND s.expires_at > now() ORDER BY s.created_at";
    private const string DeleteByTokenSql = "DELETE FROM sessions WHERE token_hash = @Hash RETURNING user_id";

    // A session named by its token, or by its id (list-sessions shows the other sessions' ids in place of tokens).
    private const string DeleteOwnSessionSql = "DELETE FROM sessions WHERE user_id = @UserId AND (token_hash = @Hash OR id = @TokenOrId) RETURNING user_id";
    private const string DeleteAnySessionSql = "DELETE FROM sessions WHERE token_hash = @Hash OR id = @TokenOrId RETURNING user_id";
    private const string DeleteUserSessionsSql = "DELETE FROM sessions WHERE user_id = @UserId AND id IS DISTINCT FROM @KeepId RETURNING user_id";

    private const string DeleteExpiredSql = """
        WITH expired_sessions AS (DELETE FROM sessions WHERE expires_at <= now() RETURNING 1),
             expired_tokens AS (DELETE FROM verifications WHERE expires_at <= now() RETURNING 1)
        SELECT (SELECT count(*) FROM expired_sessions) + (SELECT count(*) FROM expired_tokens)
        """;

    /// <returns>The new session's token: the only copy, since the table keeps its hash.</returns>
    public async Task<string> CreateSessionAsync(NewSession session, CancellationToken cancellationToken)
    {
        var token = AuthIds.New();
        await db.ExecuteAsync(InsertSessionSql, new
        {
            Id = AuthIds.New(),
            Hash = SessionCookies.Hash(token),
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
            new CommandDefinition(SessionByTokenSql, new { Hash = SessionCookies.Hash(token) }, transaction, cancellationToken: cancellationToken),
            (session, user) => new CurrentSession(token, session, user), splitOn: "name")).SingleOrDefault(), cancellationToken);
        if (found is not null)
            sessionCache.Add(found, version);
        return found;
    }

    public Task<AuthSession?> ExtendSessionAsync(string sessionId, TimeSpan lifetime, CancellationToken cancellationToken) =>
        ChangeAsync(() => db.SingleOrDefaultAsync<AuthSession>(ExtendSessionSql, new { Id = sessionId, Lifetime = lifetime }, cancellationToken),
            session => [session?.UserId], cancellationToken);

    public Task<IReadOnlyList<AuthSession>> ListSessionsAsync(string userId, CancellationToken cancellationToken) =>
        db.ListAsync<AuthSession>(UserSessionsSql, new { UserId = userId }, cancellationToken);

    public Task DeleteSessionAsync(string token, CancellationToken cancellationToken) =>
        DeleteEvictingAsync(DeleteByTokenSql, new { Hash = SessionCookies.Hash(token) }, cancellationToken);

    /// <summary>Ends one of <paramref name="userId"/>'s sessions, named by token or id; any other is left alone.</summary>
    public Task DeleteSessionOfAsync(string userId, string tokenOrId, CancellationToken cancellationToken) =>
        DeleteEvictingAsync(DeleteOwnSessionSql, new { UserId = userId, Hash = SessionCookies.Hash(tokenOrId), TokenOrId = tokenOrId }, cancellationToken);

    /// <summary>Ends any user's session, named by token or id (admin).</summary>
    public Task DeleteAnySessionAsync(string tokenOrId, CancellationToken cancellationToken) =>
        DeleteEvictingAsync(DeleteAnySessionSql, new { Hash = SessionCookies.Hash(tokenOrId), TokenOrId = tokenOrId }, cancellationToken);

    /// <summary>Ends every session of the user but <paramref name="keepSessionId"/> (all of them when null).</summary>
    public Task DeleteSessionsAsync(string userId, string? keepSessionId, CancellationToken cancellationToken) =>
        DeleteEvictingAsync(DeleteUserSessionsSql, new { UserId = userId, KeepId = keepSessionId }, cancellationToken);

    /// <summary>Deletes sessions and evicts their users' cached sessions on every instance (<see cref="ChangeAsync"/>).</summary>
    /// <param name="sql">A DELETE on sessions returning the user_id of each row deleted.</param>
    private Task<IReadOnlyList<string>> DeleteEvictingAsync(string sql, object parameters, CancellationToken cancellationToken) =>
        ChangeAsync(() => db.ListAsync<string>(sql, parameters, cancellationToken), userIds => userIds, cancellationToken);

    /// <returns>How many expired sessions and single-use tokens were deleted.</returns>
    /// <remarks>No eviction: <see cref="SessionCache"/> never keeps a session past its expiry.</remarks>
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken) =>
        (int)await db.ScalarAsync<long>(DeleteExpiredSql, null, cancellationToken);
}
