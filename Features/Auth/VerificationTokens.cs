using System.Buffers.Text;
using System.Data;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Waitlist.Infrastructure.Auth;

namespace Waitlist.Features.Auth;

/// <summary>
/// Single-use tokens for email links (password reset, email verification): <c>random.HMAC-SHA256(secret, purpose:random)</c>,
/// base64url. A forged or mistyped token is refused before the database is asked; the database keeps only the
/// token's SHA-256, and consuming deletes the row, so a token works once.
/// </summary>
public sealed class VerificationTokens(AuthOptions options)
{
    public const string PasswordReset = "reset-password";
    public const string EmailVerification = "verify-email";

    private readonly byte[] _key = Encoding.UTF8.GetBytes(options.Secret);

    private const string InsertSql = """
        INSERT INTO verifications (id, purpose, token_hash, user_id, expires_at)
        VALUES (@Id, @Purpose, @Hash, @UserId, now() + @Lifetime)
        """;

    private const string ConsumeSql = """
        DELETE FROM verifications WHERE token_hash = @Hash AND purpose = @Purpose
        RETURNING user_id AS userid, expires_at > now() AS valid
        """;

    public async Task<string> CreateAsync(IDbTransaction transaction, string purpose, string userId, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var random = AuthIds.New();
        var token = random + "." + Base64Url.EncodeToString(Signature(purpose, random));
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(InsertSql,
            new { Id = AuthIds.New(), Purpose = purpose, Hash = SessionCookies.Hash(token), UserId = userId, Lifetime = lifetime },
            transaction, cancellationToken: cancellationToken));
        return token;
    }

    /// <summary>Deletes the token and returns its user when it was genuine and unexpired; null otherwise.</summary>
    public async Task<string?> ConsumeAsync(IDbTransaction transaction, string purpose, string? token, CancellationToken cancellationToken)
    {
        if (!IsSigned(purpose, token))
            return null;
        var row = await transaction.Connection!.QuerySingleOrDefaultAsync<ConsumedToken>(new CommandDefinition(ConsumeSql,
            new { Hash = SessionCookies.Hash(token!), Purpose = purpose }, transaction, cancellationToken: cancellationToken));
        return row is { Valid: true } ? row.UserId : null;
    }

    private bool IsSigned(string purpose, string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 200)
            return false;
        var dot = token.IndexOf('.');
        if (dot <= 0)
            return false;
        Span<byte> signature = stackalloc byte[64];
        if (Base64Url.DecodeFromChars(token.AsSpan(dot + 1), signature, out _, out var written) != System.Buffers.OperationStatus.Done || written != 32)
            return false;
        return CryptographicOperations.FixedTimeEquals(Signature(purpose, token[..dot]), signature[..written]);
    }

    private sealed record ConsumedToken(string UserId, bool Valid);

    private byte[] Signature(string purpose, string random) => HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{purpose}:{random}"));
}
