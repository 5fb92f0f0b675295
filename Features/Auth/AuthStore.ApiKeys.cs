using Waitlist.Features.Auth.ApiKeys;

namespace Waitlist.Features.Auth;

/// <summary>An API key as stored: never the key itself, of which only the SHA-256 is kept.</summary>
internal sealed record ApiKey(
    string Id, string UserId, string? Name, string? Prefix, string Start, bool Enabled,
    DateTime? ExpiresAt, DateTime? LastUsedAt, DateTime CreatedAt, DateTime UpdatedAt)
{
    public bool HasExpiredAt(DateTimeOffset now) => ExpiresAt is { } expires && expires <= now.UtcDateTime;
}

/// <summary>A key to store: its hash and the characters shown of it, never the key.</summary>
internal sealed record NewApiKey(string UserId, string? Name, string? Prefix, string Start, byte[] Hash, DateTimeOffset? ExpiresAt);

/// <summary>The key a request presented, and its owner.</summary>
internal sealed record ApiKeyCaller(ApiKey Key, AuthUser User);

/// <summary>What of an API key's owner the admin views show.</summary>
internal sealed record ApiKeyOwner(string Id, string Email, string Name);

internal sealed record OwnedApiKey(ApiKey Key, ApiKeyOwner User);

/// <summary>A page of one user's keys, sorted by a column of the store's whitelist (<see cref="AuthStore.ApiKeySortColumns"/>); all of them without a limit.</summary>
internal sealed record OwnApiKeysQuery(string UserId, string SortColumn, bool Descending, int? Limit, int Offset);

/// <summary>A page of everyone's keys (or one user's), newest first, enabled ones, disabled ones or both.</summary>
internal sealed record ApiKeyQuery(string? UserId, bool? Enabled, Page Page);

/// <summary>What a change of a key changes; null leaves a value as it is.</summary>
internal sealed record ApiKeyChanges(string? Name, bool? Enabled, bool ChangeExpiry, DateTimeOffset? ExpiresAt);

internal sealed partial class AuthStore
{
    /// <summary>The fields list-api-keys may sort by, by their JSON names (Better Auth's), and the column of each.</summary>
    public static readonly IReadOnlyDictionary<string, string> ApiKeySortColumns = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["createdAt"] = "created_at", ["updatedAt"] = "updated_at", ["name"] = "name", ["expiresAt"] = "expires_at",
        ["lastRequest"] = "last_used_at", ["enabled"] = "enabled", ["start"] = "start",
    };

    /// <summary>Columns of <see cref="ApiKey"/> in its constructor's order, for alias <c>k</c>.</summary>
    private const string ApiKeyColumns =
        "k.id, k.user_id AS userid, k.name, k.prefix, k.start, k.enabled, k.expires_at AS expiresat, k.last_used_at AS lastusedat, " +
        "k.created_at AS createdat, k.updated_at AS updatedat";

    private const string InsertApiKeySql = $"""
        INSERT INTO api_keys AS k (id, user_id, name, prefix, start, key_hash, expires_at, created_at, updated_at)
        VALUES (@Id, @UserId, @Name, @Prefix, @Start, @Hash, @ExpiresAt, @Now, @Now)
        RETURNING {ApiKeyColumns}
        """;

    // One indexed lookup (api_keys.key_hash is unique, then the users primary key). Whether the key may authenticate is
    // the caller's decision, so that it can say why not.
    private const string ApiKeyCallerSql = $"SELECT {ApiKeyColumns}, {UserColumns} FROM api_keys k JOIN users u ON u.id = k.user_id WHERE k.key_hash = @Hash";

    private const string ApiKeyOfSql = $"SELECT {ApiKeyColumns} FROM api_keys k WHERE k.id = @Id AND k.user_id = @UserId";

    private const string UpdateApiKeySql = $"""
        UPDATE api_keys k SET
            name = coalesce(@Name, k.name),
            enabled = coalesce(@Enabled, k.enabled),
            expires_at = CASE WHEN @ChangeExpiry THEN @ExpiresAt ELSE k.expires_at END,
            updated_at = @Now
        WHERE k.id = @Id AND k.user_id = @UserId
        RETURNING {ApiKeyColumns}
        """;

    private const string DeleteApiKeyOfSql = "DELETE FROM api_keys WHERE id = @Id AND user_id = @UserId RETURNING user_id";
    private const string DeleteAnyApiKeySql = "DELETE FROM api_keys WHERE id = @Id RETURNING user_id";

    // Once a minute at most, whichever instance asks: the others' statements change nothing.
    private const string RecordApiKeyUseSql = """
        UPDATE api_keys SET last_used_at = @Now
        WHERE id = @Id AND (last_used_at IS NULL OR last_used_at <= @Now - interval '1 minute')
        """;

    private const string ApiKeyOwnerColumns = "u.id, u.email, u.name";
    private const string ApiKeyFilterSql = "(@UserId::text IS NULL OR k.user_id = @UserId) AND (@Enabled::boolean IS NULL OR k.enabled = @Enabled)";
    private const string ApiKeyPageSql = $"""
        SELECT {ApiKeyColumns}, {ApiKeyOwnerColumns} FROM api_keys k JOIN users u ON u.id = k.user_id WHERE {ApiKeyFilterSql}
        ORDER BY k.created_at DESC, k.id DESC LIMIT @Limit OFFSET @Offset;
        SELECT count(*) FROM api_keys k WHERE {ApiKeyFilterSql};
        """;
    private const string OwnedApiKeySql = $"SELECT {ApiKeyColumns}, {ApiKeyOwnerColumns} FROM api_keys k JOIN users u ON u.id = k.user_id WHERE k.id = @Id";

    public Task<ApiKey> CreateApiKeyAsync(NewApiKey key, CancellationToken cancellationToken) =>
        db.SingleAsync<ApiKey>(InsertApiKeySql, new
        {
            Id = AuthIds.New(),
            key.UserId,
            key.Name,
            key.Prefix,
            key.Start,
            key.Hash,
            key.ExpiresAt,
            Now = time.GetUtcNow(),
        }, cancellationToken);

    /// <summary>
    /// The key whose SHA-256 is <paramref name="hash"/> and its owner, or null; from <see cref="ApiKeyCache"/> when it
    /// holds it, which it does only for a key that may authenticate (<paramref name="usable"/> decides).
    /// </summary>
    public async Task<ApiKeyCaller?> FindApiKeyCallerAsync(byte[] hash, Func<ApiKeyCaller, bool> usable, CancellationToken cancellationToken)
    {
        var cacheKey = Convert.ToHexString(hash);
        if (apiKeyCache.Find(cacheKey) is { } cached)
            return cached;
        var version = apiKeyCache.Version;
        var found = await db.RunAsync(async (connection, transaction) => (await connection.QueryAsync<ApiKey, AuthUser, ApiKeyCaller>(
            new CommandDefinition(ApiKeyCallerSql, new { Hash = hash }, transaction, cancellationToken: cancellationToken),
            (key, user) => new ApiKeyCaller(key, user), splitOn: "name")).SingleOrDefault(), cancellationToken);
        if (found is not null && usable(found))
            apiKeyCache.Add(cacheKey, found, found.User.Id, AsUtc(found.Key.ExpiresAt), version);
        return found;
    }

    /// <summary>One page of <paramref name="query"/>'s user's keys and how many they have.</summary>
    public Task<(IReadOnlyList<ApiKey> Rows, long Total)> ListOwnApiKeysAsync(OwnApiKeysQuery query, CancellationToken cancellationToken)
    {
        var direction = query.Descending ? "DESC" : "ASC";
        return PageAsync<ApiKey>($"""
            SELECT {ApiKeyColumns} FROM api_keys k WHERE k.user_id = @UserId
            ORDER BY k.{query.SortColumn} {direction}, k.id {direction} LIMIT @Limit OFFSET @Offset;
            SELECT count(*) FROM api_keys k WHERE k.user_id = @UserId;
            """, new { query.UserId, query.Limit, query.Offset }, cancellationToken);
    }

    /// <summary>One of <paramref name="userId"/>'s keys; null for a key of someone else's.</summary>
    public Task<ApiKey?> FindApiKeyOfAsync(string userId, string keyId, CancellationToken cancellationToken) =>
        db.SingleOrDefaultAsync<ApiKey>(ApiKeyOfSql, new { Id = keyId, UserId = userId }, cancellationToken);

    /// <returns>The key as changed; null when <paramref name="userId"/> has no such key.</returns>
    public Task<ApiKey?> UpdateApiKeyOfAsync(string userId, string keyId, ApiKeyChanges changes, CancellationToken cancellationToken) =>
        ChangeAsync(() => db.SingleOrDefaultAsync<ApiKey>(UpdateApiKeySql, new
        {
            Id = keyId,
            UserId = userId,
            changes.Name,
            changes.Enabled,
            changes.ChangeExpiry,
            changes.ExpiresAt,
            Now = time.GetUtcNow(),
        }, cancellationToken), key => [key?.UserId], cancellationToken);

    /// <returns>Whether <paramref name="userId"/> had such a key.</returns>
    public async Task<bool> DeleteApiKeyOfAsync(string userId, string keyId, CancellationToken cancellationToken) =>
        (await DeleteApiKeysEvictingAsync(DeleteApiKeyOfSql, new { Id = keyId, UserId = userId }, cancellationToken)).Count > 0;

    /// <summary>Deletes anyone's key (admin).</summary>
    /// <returns>Whether there was such a key.</returns>
    public async Task<bool> DeleteAnyApiKeyAsync(string keyId, CancellationToken cancellationToken) =>
        (await DeleteApiKeysEvictingAsync(DeleteAnyApiKeySql, new { Id = keyId }, cancellationToken)).Count > 0;

    private Task<IReadOnlyList<string>> DeleteApiKeysEvictingAsync(string sql, object parameters, CancellationToken cancellationToken) =>
        ChangeAsync(() => db.ListAsync<string>(sql, parameters, cancellationToken), userIds => userIds, cancellationToken);

    /// <summary>Notes that the key authenticated a request now, unless it was noted less than a minute ago.</summary>
    public Task RecordApiKeyUseAsync(string keyId, CancellationToken cancellationToken) =>
        db.ExecuteAsync(RecordApiKeyUseSql, new { Id = keyId, Now = time.GetUtcNow() }, cancellationToken);

    /// <summary>One page of keys, newest first, with their owners, and how many match.</summary>
    public Task<(IReadOnlyList<OwnedApiKey> Rows, long Total)> QueryApiKeysAsync(ApiKeyQuery query, CancellationToken cancellationToken) =>
        db.RunAsync<(IReadOnlyList<OwnedApiKey>, long)>(async (connection, transaction) =>
        {
            await using var results = await connection.QueryMultipleAsync(new CommandDefinition(ApiKeyPageSql,
                new { query.UserId, query.Enabled, query.Page.Limit, query.Page.Offset }, transaction, cancellationToken: cancellationToken));
            var rows = results.Read<ApiKey, ApiKeyOwner, OwnedApiKey>((key, owner) => new OwnedApiKey(key, owner), splitOn: "id").AsList();
            return (rows, await results.ReadSingleAsync<long>());
        }, cancellationToken);

    public Task<OwnedApiKey?> FindOwnedApiKeyAsync(string keyId, CancellationToken cancellationToken) =>
        db.RunAsync(async (connection, transaction) => (await connection.QueryAsync<ApiKey, ApiKeyOwner, OwnedApiKey>(
            new CommandDefinition(OwnedApiKeySql, new { Id = keyId }, transaction, cancellationToken: cancellationToken),
            (key, owner) => new OwnedApiKey(key, owner), splitOn: "id")).SingleOrDefault(), cancellationToken);

    private static DateTimeOffset? AsUtc(DateTime? time) => time is { } value ? new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)) : null;
}
