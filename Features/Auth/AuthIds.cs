using System.Security.Cryptography;

namespace Waitlist.Features.Auth;

/// <summary>Better Auth's identifiers and tokens: 32 characters of [A-Za-z0-9] from the OS CSPRNG.</summary>
internal static class AuthIds
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, 32);
}
