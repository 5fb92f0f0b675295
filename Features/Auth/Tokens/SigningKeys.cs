using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Waitlist.Features.Auth.Tokens;

/// <summary>A signing key as this instance holds it: its public half always, its private half when this secret opens it.</summary>
internal sealed record SigningKey(string Id, DateTimeOffset SignsFrom, ECDsaSecurityKey PublicKey, SigningCredentials? Signer);

/// <summary>
/// The ES256 keys that sign access tokens, kept in <c>signing_keys</c> so that every instance signs and verifies with the
/// same ones, private halves encrypted (AES-256-GCM) with a key derived from <c>Auth:Secret</c>. The first key signs at
/// once; once the newest has signed for <c>Tokens:SigningKeyRotationDays</c>, the next instance to sign adds another,
/// which is published at once and signs <see cref="PublishedBeforeUse"/> later, when every instance (reading the keys
/// every minute) and every verifier's cached key set (<see cref="JwksMaxAge"/>) knows it. A key stays published while
/// tokens it signed may still be valid. Two instances that find a key missing at the same moment add one between them
/// (<see cref="AuthStore.LockSigningKeysAsync"/>). A key added is announced on <see cref="Channel"/>, so that every
/// instance reads the keys again at its next request: the first key, or one replacing keys a new secret cannot open,
/// signs at once, and the other instances must know it before its first token reaches them.
/// </summary>
internal sealed class SigningKeys : INotificationSubscriber, IDisposable
{
    /// <summary>Payload: the id of a signing key just added.</summary>
    public const string Channel = "auth_signing_keys";

    public static readonly TimeSpan JwksMaxAge = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan PublishedBeforeUse = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan ReloadEvery = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan UnknownKeyReloadEvery = TimeSpan.FromSeconds(10);
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    private readonly IServiceScopeFactory _scopes;
    private readonly TokenOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<SigningKeys> _logger;
    private readonly byte[] _encryptionKey;
    private readonly NotificationSubscription _subscription;
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile KeyRing? _ring;
    private volatile bool _reloadRequested;

    public SigningKeys(IServiceScopeFactory scopes, AuthOptions auth, TokenOptions options, NotificationListener listener, TimeProvider time, ILogger<SigningKeys> logger)
    {
        _scopes = scopes;
        _options = options;
        _time = time;
        _logger = logger;
        _encryptionKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(auth.Secret), 32, info: "waitlist access-token signing keys"u8.ToArray());
        _subscription = listener.Subscribe(Channel, this);
    }

    /// <summary>How the key that signs now signs; adds the first key, or the next one when the current one is due.</summary>
    public async Task<SigningCredentials> SignerAsync(CancellationToken cancellationToken) =>
        (await RingAsync(forSigning: true, cancellationToken)).SignerAt(_time.GetUtcNow())!.Signer!;

    /// <summary>The keys a valid token may name now: the one that signs, the next one, and those that stopped signing less than a token's lifetime ago.</summary>
    public async Task<IReadOnlyList<SigningKey>> PublishedAsync(CancellationToken cancellationToken) =>
        (await RingAsync(forSigning: false, cancellationToken)).PublishedAt(_time.GetUtcNow());

    /// <summary>A token named a key this instance does not know: read the keys again at the next request (at most every few seconds).</summary>
    public void RequestReload()
    {
        if (_ring is { } ring && _time.GetUtcNow() - ring.LoadedAt >= UnknownKeyReloadEvery)
            _reloadRequested = true;
    }

    // Another instance added a key; or notifications arrive again and one may have been missed. Unheard notifications
    // cost at most ReloadEvery: the keys are read again every minute anyway.
    void INotificationSubscriber.OnNotification(string payload) => _reloadRequested = true;

    void INotificationSubscriber.OnListening() => _reloadRequested = true;

    public void Dispose() => _subscription.Dispose();

    private async Task<KeyRing> RingAsync(bool forSigning, CancellationToken cancellationToken)
    {
        if (_ring is { } current && IsUsable(current, forSigning))
            return current;
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_ring is { } loaded && IsUsable(loaded, forSigning))
                return loaded;
            _reloadRequested = false;
            var ring = await LoadAsync(forSigning, cancellationToken);
            _ring = ring;
            return ring;
        }
        finally
        {
            _loading.Release();
        }
    }

    private bool IsUsable(KeyRing ring, bool forSigning)
    {
        var now = _time.GetUtcNow();
        return !_reloadRequested && now - ring.LoadedAt < ReloadEvery && !(forSigning && ring.NeedsKeyAt(now, _options.SigningKeyRotation));
    }

    private async Task<KeyRing> LoadAsync(bool forSigning, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<AuthStore>();
        var ring = Open(await store.SigningKeysAsync(cancellationToken), _time.GetUtcNow());
        if (!forSigning || !ring.NeedsKeyAt(ring.LoadedAt, _options.SigningKeyRotation))
            return ring;

        var db = scope.ServiceProvider.GetRequiredService<DbScope>();
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var stored = await store.LockSigningKeysAsync(cancellationToken);
        // The time once the lock is held: a key that the instance holding it before added to sign "now" signs already.
        var now = _time.GetUtcNow();
        ring = Open(stored, now);
        if (ring.NeedsKeyAt(now, _options.SigningKeyRotation))
        {
            // The first key, or one replacing keys this secret cannot open, signs at once: nothing else could sign.
            await store.AddSigningKeyAsync(Create(ring.SignerAt(now) is null ? now : now + PublishedBeforeUse), cancellationToken);
            ring = Open(await store.SigningKeysAsync(cancellationToken), now);
        }
        await transaction.CommitAsync(cancellationToken);
        return ring;
    }

    /// <summary>The keys as <paramref name="stored"/>, each opened once per process: those already open are taken from the last ring.</summary>
    private KeyRing Open(IReadOnlyList<StoredSigningKey> stored, DateTimeOffset now) =>
        new([.. stored.Select(key => _ring?.Find(key.Id) ?? new SigningKey(key.Id, new DateTimeOffset(DateTime.SpecifyKind(key.SignsFrom, DateTimeKind.Utc)),
            new ECDsaSecurityKey(PublicHalf(key.PublicKey)) { KeyId = key.Id }, Signer(key)))], now);

    private static ECDsa PublicHalf(byte[] subjectPublicKeyInfo)
    {
        var ecdsa = ECDsa.Create();
        ecdsa.ImportSubjectPublicKeyInfo(subjectPublicKeyInfo, out _);
        return ecdsa;
    }

    private SigningCredentials? Signer(StoredSigningKey key)
    {
        try
        {
            var ecdsa = ECDsa.Create();
            ecdsa.ImportPkcs8PrivateKey(Decrypt(key.PrivateKey, key.Id), out _);
            return new SigningCredentials(new ECDsaSecurityKey(ecdsa) { KeyId = key.Id }, SecurityAlgorithms.EcdsaSha256);
        }
        catch (CryptographicException)
        {
            _logger.LogWarning("Signing key {KeyId} cannot be opened with the current Auth:Secret: it still verifies the tokens it signed, but signs no more.", key.Id);
            return null;
        }
    }

    private StoredSigningKey Create(DateTimeOffset signsFrom)
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var id = AuthIds.New();
        return new StoredSigningKey(id, ecdsa.ExportSubjectPublicKeyInfo(), Encrypt(ecdsa.ExportPkcs8PrivateKey(), id), signsFrom.UtcDateTime);
    }

    /// <returns>nonce | tag | ciphertext; the key's id is authenticated with it, so a private half cannot be moved to another row.</returns>
    private byte[] Encrypt(byte[] privateKey, string keyId)
    {
        var sealedKey = new byte[NonceBytes + TagBytes + privateKey.Length];
        var nonce = sealedKey.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_encryptionKey, TagBytes);
        aes.Encrypt(nonce, privateKey, sealedKey.AsSpan(NonceBytes + TagBytes), sealedKey.AsSpan(NonceBytes, TagBytes), Encoding.UTF8.GetBytes(keyId));
        return sealedKey;
    }

    private byte[] Decrypt(byte[] sealedKey, string keyId)
    {
        if (sealedKey.Length <= NonceBytes + TagBytes)
            throw new CryptographicException("The private key is too short to hold anything.");
        var privateKey = new byte[sealedKey.Length - NonceBytes - TagBytes];
        using var aes = new AesGcm(_encryptionKey, TagBytes);
        aes.Decrypt(sealedKey.AsSpan(0, NonceBytes), sealedKey.AsSpan(NonceBytes + TagBytes), sealedKey.AsSpan(NonceBytes, TagBytes), privateKey, Encoding.UTF8.GetBytes(keyId));
        return privateKey;
    }

    /// <summary>The keys as read at <see cref="LoadedAt"/>, the one that signed first first.</summary>
    private sealed class KeyRing(IReadOnlyList<SigningKey> keys, DateTimeOffset loadedAt)
    {
        public DateTimeOffset LoadedAt => loadedAt;

        public SigningKey? Find(string id) => keys.FirstOrDefault(key => key.Id == id);

        public SigningKey? SignerAt(DateTimeOffset now) => keys.LastOrDefault(key => key.SignsFrom <= now && key.Signer is not null);

        /// <summary>No key this instance can sign with, or the newest has signed for a whole rotation.</summary>
        public bool NeedsKeyAt(DateTimeOffset now, TimeSpan rotation) => SignerAt(now) is null || keys[^1].SignsFrom <= now - rotation;

        public IReadOnlyList<SigningKey> PublishedAt(DateTimeOffset now) =>
            [.. keys.Where((_, index) => index == keys.Count - 1 || keys[index + 1].SignsFrom > now - TokenOptions.AccessTokenLifetime - AccessTokens.ClockSkew)];
    }
}
