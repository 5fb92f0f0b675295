using System.Buffers.Text;
using System.Security.Cryptography;
using Waitlist.Features.Auth.Sessions;

namespace Waitlist.Features.Auth.Emails;

/// <summary>
/// Single-use tokens for email links (password reset, email verification): <c>random.HMAC-SHA256(secret, purpose:random)</c>,
/// base64url. A forged or mistyped token is refused before the database is asked; the database keeps only the
/// token's SHA-256, and consuming deletes the row, so a token works once.
/// </summary>
internal sealed class VerificationTokens(AuthOptions options, AuthStore store)
{
    public const string PasswordReset = "reset-password";
    public const string EmailVerification = "verify-email";

    public static readonly TimeSpan PasswordResetLifetime = TimeSpan.FromHours(1);
    public static readonly TimeSpan EmailVerificationLifetime = TimeSpan.FromHours(24);

    private const int MaxTokenLength = 200;

    private readonly byte[] _key = Encoding.UTF8.GetBytes(options.Secret);

    public async Task<string> CreateAsync(string purpose, string userId, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var random = AuthIds.New();
        var token = random + "." + Base64Url.EncodeToString(Signature(purpose, random));
        await store.CreateVerificationAsync(purpose, AuthIds.Hash(token), userId, lifetime, cancellationToken);
        return token;
    }

    /// <summary>Deletes the token and returns its user when it was genuine and unexpired; null otherwise.</summary>
    public async Task<string?> ConsumeAsync(string purpose, string? token, CancellationToken cancellationToken) =>
        IsSigned(purpose, token) ? await store.ConsumeVerificationAsync(purpose, AuthIds.Hash(token!), cancellationToken) : null;

    private bool IsSigned(string purpose, string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
            return false;
        var dot = token.IndexOf('.');
        if (dot <= 0)
            return false;
        Span<byte> signature = stackalloc byte[64];
        if (Base64Url.DecodeFromChars(token.AsSpan(dot + 1), signature, out _, out var written) != System.Buffers.OperationStatus.Done || written != 32)
            return false;
        return CryptographicOperations.FixedTimeEquals(Signature(purpose, token[..dot]), signature[..written]);
    }

    private byte[] Signature(string purpose, string random) => HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{purpose}:{random}"));
}
