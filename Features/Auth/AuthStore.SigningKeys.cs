namespace Waitlist.Features.Auth;

/// <summary>A key that signs access tokens, as stored: its private half encrypted (<see cref="Tokens.SigningKeys"/>).</summary>
internal sealed record StoredSigningKey(string Id, byte[] PublicKey, byte[] PrivateKey, DateTime SignsFrom);

internal sealed partial class AuthStore
{
    private const long SigningKeysLockKey = 0x5761_6974_5369_676E; // "WaitSign"

    private const string SigningKeysSql = "SELECT id, public_key AS publickey, private_key AS privatekey, signs_from AS signsfrom FROM signing_keys ORDER BY signs_from, id";

    private const string InsertSigningKeySql = """
        INSERT INTO signing_keys (id, algorithm, public_key, private_key, signs_from, created_at)
        VALUES (@Id, 'ES256', @PublicKey, @PrivateKey, @SignsFrom, @Now)
        """;

    /// <summary>Every signing key, the one that signed first first.</summary>
    public Task<IReadOnlyList<StoredSigningKey>> SigningKeysAsync(CancellationToken cancellationToken) =>
        db.ListAsync<StoredSigningKey>(SigningKeysSql, null, cancellationToken);

    /// <summary>
    /// The signing keys, read under the lock that serialises adding one (held until the caller's transaction ends): two
    /// instances that find a key missing at the same moment add one between them, not two.
    /// </summary>
    public async Task<IReadOnlyList<StoredSigningKey>> LockSigningKeysAsync(CancellationToken cancellationToken)
    {
        if (!db.InTransaction)
            throw new InvalidOperationException("Read the signing keys under their lock inside the transaction that adds one.");
        await db.ExecuteAsync(AdvisoryLockSql, new { Key = SigningKeysLockKey }, cancellationToken);
        return await SigningKeysAsync(cancellationToken);
    }

    /// <summary>Adds a key, inside the caller's transaction, and tells every instance to read the keys again when it commits.</summary>
    public async Task AddSigningKeyAsync(StoredSigningKey key, CancellationToken cancellationToken)
    {
        await db.ExecuteAsync(InsertSigningKeySql, new
        {
            key.Id,
            key.PublicKey,
            key.PrivateKey,
            SignsFrom = new DateTimeOffset(DateTime.SpecifyKind(key.SignsFrom, DateTimeKind.Utc)),
            Now = time.GetUtcNow(),
        }, cancellationToken);
        await notifications.PublishAsync(Tokens.SigningKeys.Channel, [key.Id], cancellationToken);
    }
}
