using System.Security.Cryptography;
using Waitlist.Features.Auth.Passwords;

namespace Waitlist.Tests.Support;

/// <summary>
/// The test host's password hasher: a salted SHA-256, microseconds where the production KDF takes about 100 ms, so
/// that the suite's hundreds of sign-ups cost nothing. Tests of the KDF itself ask for the real one
/// (<see cref="ApiFactory.RealPasswordHasher"/>).
/// </summary>
public sealed class FastPasswordHasher : IPasswordHasher
{
    private const string Algorithm = "test-sha256";

    public string Hash(string password)
    {
        var salt = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        return $"{Algorithm}${salt}${Digest(salt, password)}";
    }

    public bool Verify(string password, string? stored) =>
        stored?.Split('$') is [Algorithm, var salt, var digest]
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Digest(salt, password)), Encoding.ASCII.GetBytes(digest));

    public bool NeedsRehash(string stored) => false;

    private static string Digest(string salt, string password) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(salt + password)));
}
