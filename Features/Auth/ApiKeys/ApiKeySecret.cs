using System.Security.Cryptography;

namespace Waitlist.Features.Auth.ApiKeys;

/// <summary>
/// API keys as Better Auth's api-key plugin makes them: the prefix the owner chose, then 64 random letters (about 365
/// bits, from the OS CSPRNG). The first <see cref="StartLength"/> characters are kept in the clear so that the owner can
/// tell keys apart; the key itself only as its SHA-256 (<see cref="AuthIds.Hash"/>).
/// </summary>
internal static class ApiKeySecret
{
    private const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const int RandomLength = 64;

    public const int StartLength = 6;
    public const int MaxPrefixLength = 32;

    /// <summary>The longest key there can be: anything longer is refused before it is hashed or looked up.</summary>
    public const int MaxLength = MaxPrefixLength + RandomLength;

    public static string New(string? prefix) => (prefix ?? "") + RandomNumberGenerator.GetString(Letters, RandomLength);

    public static string Start(string key) => key[..StartLength];
}
