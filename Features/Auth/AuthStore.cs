using Waitlist.Features.Auth.ApiKeys;
using Waitlist.Features.Auth.Callers;
using Waitlist.Features.Auth.Sessions;
using Waitlist.Features.Auth.Tokens;

namespace Waitlist.Features.Auth;

/// <summary>
/// Every statement on Auth's tables — users, sessions, verifications, the queue of account emails, API keys, refresh
/// tokens, revoked access tokens and signing keys — and nothing else touches them: use cases call these methods, as
/// Better Auth's routes call its internal adapter. The store works in the request's <see cref="DbScope"/>, so its writes
/// join whatever transaction the use case opened. Every write to a user or to their sessions or keys goes through
/// <see cref="ChangeAsync"/>, which evicts what the caller caches hold of that user on every instance
/// (<see cref="CallerCache{T}"/>). Split by table over <c>AuthStore.*.cs</c>.
/// </summary>
internal sealed partial class AuthStore(
    DbScope db, NotificationPublisher notifications, SessionCache sessionCache, ApiKeyCache apiKeyCache, AccountCache accountCache,
    RevokedAccessTokens revokedAccessTokens, TimeProvider time)
{
    /// <summary>Columns of <see cref="AuthUser"/> in its constructor's order (Dapper maps by position and name), for alias <c>u</c>.</summary>
    private const string UserColumns =
        "u.name, u.email, u.email_verified AS emailverified, u.image, u.created_at AS createdat, u.updated_at AS updatedat, " +
        "u.username, u.display_username AS displayusername, u.role, u.banned, u.ban_reason AS banreason, u.ban_expires AS banexpires, u.id";

    /// <summary>Columns of <see cref="AuthSession"/> in its constructor's order, for alias <c>s</c>.</summary>
    private const string SessionColumns =
        "s.id, s.user_id AS userid, s.expires_at AS expiresat, s.ip_address AS ipaddress, s.user_agent AS useragent, " +
        "s.impersonated_by AS impersonatedby, s.remember_me AS rememberme, s.created_at AS createdat, s.updated_at AS updatedat";

    /// <summary>Whether user <c>u</c> is banned right now: a ban whose time is up no longer counts, before sign-in lifts it.</summary>
    private const string BannedNowSql = "(u.banned AND (u.ban_expires IS NULL OR u.ban_expires > now()))";

    /// <summary>
    /// The one rule for email addresses, shared with the waitlist: PostgreSQL's <c>normalized_email()</c> (lower-case,
    /// trimmed). .NET's lower-casing and PostgreSQL's differ on a few letters, so it is never done in C#.
    /// </summary>
    private const string AdminEmailsSql = "ARRAY(SELECT normalized_email(e) FROM unnest(@AdminEmails::text[]) e)";

    /// <summary>
    /// Runs <paramref name="write"/> and announces, in the same transaction (the use case's, or one of its own), which
    /// users it changed: each instance drops their cached sessions when it commits, and none does if it rolls back.
    /// </summary>
    /// <param name="changedUsers">The ids of the users whose account or sessions <paramref name="write"/> changed (nulls ignored).</param>
    private Task<T> ChangeAsync<T>(Func<Task<T>> write, Func<T, IEnumerable<string?>> changedUsers, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async () =>
        {
            var result = await write();
            string[] userIds = [.. changedUsers(result).OfType<string>().Distinct()];
            if (userIds.Length > 0)
            {
                await notifications.PublishAsync(SessionCache.Channel, userIds, cancellationToken);
                // This instance's own listener hears it too, a moment later; the next request here must not wait for that.
                db.AfterCommit(() =>
                {
                    sessionCache.Evict(userIds);
                    apiKeyCache.Evict(userIds);
                    accountCache.Evict(userIds);
                });
            }
            return result;
        }, cancellationToken);

    /// <summary>One page of rows and the count of all that match: <paramref name="sql"/> holds the page's query, then the count's.</summary>
    private Task<(IReadOnlyList<T> Rows, long Total)> PageAsync<T>(string sql, object parameters, CancellationToken cancellationToken) =>
        db.RunAsync<(IReadOnlyList<T>, long)>(async (connection, transaction) =>
        {
            await using var results = await connection.QueryMultipleAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
            var rows = (await results.ReadAsync<T>()).AsList();
            return (rows, await results.ReadSingleAsync<long>());
        }, cancellationToken);
}
