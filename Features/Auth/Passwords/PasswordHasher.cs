using System.Security.Cryptography;

namespace Waitlist.Features.Auth.Passwords;

/// <summary>Hashes and checks passwords. One implementation serves; the test host swaps in a fast one.</summary>
public interface IPasswordHasher
{
    string Hash(string password);

    /// <summary>
    /// Whether <paramref name="password"/> matches <paramref name="stored"/>. An unknown account (null) or an unusable
    /// hash costs the same time as a real check and fails, so the answer does not tell whether the account exists.
    /// </summary>
    bool Verify(string password, string? stored);

    /// <summary>Whether a hash that just verified was made with weaker parameters than today's.</summary>
    bool NeedsRehash(string stored);
}

/// <summary>
/// PBKDF2-HMAC-SHA512 through the framework's <see cref="Rfc2898DeriveBytes.Pbkdf2(byte[], byte[], int, HashAlgorithmName, int)"/>,
/// at least 210,000 iterations (OWASP ASVS 5.0 11.4.2), 16-byte random salt, 64-byte output. The stored string carries
/// its parameters — <c>pbkdf2-sha512$iterations$salt$hash</c> — so the cost can be raised later and old hashes
/// upgraded at the next sign-in. Passwords are NFKC-normalised first, as Better Auth does.
/// </summary>
public sealed class Pbkdf2PasswordHasher(AuthOptions options) : IPasswordHasher
{
    private const string Algorithm = "pbkdf2-sha512";
    private const int SaltBytes = 16;
    private const int HashBytes = 64;

    // Made with the hasher, which start-up creates (AuthModule): were it made at the first unknown-account sign-in,
    // that one answer would take two KDF runs and tell the account does not exist.
    private readonly string _dummy = Hash(Guid.NewGuid().ToString(), options.PasswordIterations);

    public string Hash(string password) => Hash(password, options.PasswordIterations);

    public bool Verify(string password, string? stored)
    {
        if (!TryParse(stored, out var iterations, out var salt, out var expected))
        {
            Verify(password, _dummy);
            return false;
        }
        var actual = Rfc2898DeriveBytes.Pbkdf2(Normalize(password), salt, iterations, HashAlgorithmName.SHA512, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    public bool NeedsRehash(string stored) =>
        !TryParse(stored, out var iterations, out _, out _) || iterations < options.PasswordIterations;

    private static string Hash(string password, int iterations)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Normalize(password), salt, iterations, HashAlgorithmName.SHA512, HashBytes);
        return string.Join('$', Algorithm, iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    private static bool TryParse(string? stored, out int iterations, out byte[] salt, out byte[] hash)
    {
        iterations = 0;
        salt = hash = [];
        var parts = stored?.Split('$');
        if (parts is not { Length: 4 } || parts[0] != Algorithm
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out iterations) || iterations < 1)
            return false;
        try
        {
            salt = Convert.FromBase64String(parts[2]);
            hash = Convert.FromBase64String(parts[3]);
        }
        catch (FormatException)
        {
            return false;
        }
        return salt.Length > 0 && hash.Length > 0;
    }

    /// <summary>NFKC, as Better Auth does; a string that cannot be normalised (a lone surrogate) is used as it came.</summary>
    private static byte[] Normalize(string password)
    {
        string normalized;
        try
        {
            normalized = password.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            normalized = password;
        }
        return Encoding.UTF8.GetBytes(normalized);
    }
}
