using System.Security.Cryptography;

namespace Waitlist.Features.Auth;

/// <summary>Better Auth's identifiers and tokens: 32 characters of [A-Za-z0-9] from the OS CSPRNG; and what is kept of a secret.</summary>
internal static class AuthIds
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public const int MaxLength = 64;

    public static string New() => RandomNumberGenerator.GetString(Alphabet, 32);

    /// <summary>
    /// Whether <paramref name="id"/> can name a user or session: ours are 32 letters and digits; accounts brought over
    /// from another Better Auth server may carry its ids (UUIDs, or nanoids with - and _), so those pass too.
    /// </summary>
    public static bool IsWellFormed(string id) =>
        id.Length is > 0 and <= MaxLength && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>
    /// What the database keeps of a secret token (a session's, an email link's, an API key, a refresh token): its SHA-256,
    /// so a leaked table yields nothing usable.
    /// </summary>
    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
