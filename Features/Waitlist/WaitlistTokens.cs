using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;

namespace Waitlist.Features.Waitlist;

/// <summary>
/// The signed tokens in waitlist emails, checked without the database: <c>id.expires.HMAC</c> for a confirmation link
/// (it expires with the unconfirmed entry) and <c>id.HMAC</c> for the person's own link (their place, and leaving: it
/// never expires, as an unsubscribe link must keep working). The id is the entry's, base64url; the HMAC-SHA256 is
/// keyed by <c>Waitlist:TokenSecret</c> (by default derived from BETTER_AUTH_SECRET, never equal to the key that signs
/// cookies) over the token's purpose and content, and compared in constant time. Tokens are never logged: they travel in
/// query strings, which the request log leaves out.
/// </summary>
internal sealed class WaitlistTokens
{
    private const string ConfirmPurpose = "waitlist-confirm";
    private const string EntryPurpose = "waitlist-entry";
    private const int MaxTokenLength = 128;
    private const int SignatureBytes = 32;

    private readonly byte[] _key;
    private readonly TimeProvider _time;

    public WaitlistTokens(WaitlistSettings settings, TimeProvider time)
    {
        // A key of its own, so that a waitlist token can never pass for anything Auth signs with the same secret.
        _key = HMACSHA256.HashData(Encoding.UTF8.GetBytes(settings.TokenSecret), "waitlist-links"u8);
        _time = time;
    }

    public string Confirmation(Guid entryId, TimeSpan lifetime)
    {
        var body = $"{Id(entryId)}.{(_time.GetUtcNow() + lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}";
        return $"{body}.{Base64Url.EncodeToString(Signature(ConfirmPurpose, body))}";
    }

    public string Entry(Guid entryId)
    {
        var body = Id(entryId);
        return $"{body}.{Base64Url.EncodeToString(Signature(EntryPurpose, body))}";
    }

    /// <summary>The entry a genuine confirmation token names, and whether it is past its time; null for anything else.</summary>
    public (Guid EntryId, bool Expired)? ReadConfirmation(string? token)
    {
        if (Verify(ConfirmPurpose, token) is not { } body || body.Split('.') is not [var id, var expires]
            || !TryReadId(id, out var entryId) || !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var unixSeconds))
            return null;
        return (entryId, _time.GetUtcNow().ToUnixTimeSeconds() >= unixSeconds);
    }

    /// <summary>The entry a genuine personal token names; null for anything else.</summary>
    public Guid? ReadEntry(string? token) =>
        Verify(EntryPurpose, token) is { } body && TryReadId(body, out var entryId) ? entryId : null;

    /// <summary>The token's signed part when its signature is right; null otherwise (malformed, forged, tampered).</summary>
    private string? Verify(string purpose, string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
            return null;
        var dot = token.LastIndexOf('.');
        if (dot <= 0)
            return null;
        Span<byte> signature = stackalloc byte[SignatureBytes + 3];
        if (Base64Url.DecodeFromChars(token.AsSpan(dot + 1), signature, out _, out var written) != OperationStatus.Done || written != SignatureBytes)
            return null;
        var body = token[..dot];
        return CryptographicOperations.FixedTimeEquals(Signature(purpose, body), signature[..written]) ? body : null;
    }

    private byte[] Signature(string purpose, string body) => HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{purpose}:{body}"));

    private static string Id(Guid entryId) => Base64Url.EncodeToString(entryId.ToByteArray(bigEndian: true));

    private static bool TryReadId(string text, out Guid entryId)
    {
        Span<byte> bytes = stackalloc byte[18];
        entryId = default;
        if (Base64Url.DecodeFromChars(text, bytes, out _, out var written) != OperationStatus.Done || written != 16)
            return false;
        entryId = new Guid(bytes[..16], bigEndian: true);
        return true;
    }
}
