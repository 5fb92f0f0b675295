using System.Security.Cryptography;

namespace Waitlist.Features.Auth;

/// <summary>Better Auth's identifiers and tokens: 32 characters of [A-Za-z0-9] from the OS CSPRNG.</summary>
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
}
