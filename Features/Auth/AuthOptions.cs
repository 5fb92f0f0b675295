using System.ComponentModel.DataAnnotations;

namespace Waitlist.Features.Auth;

/// <summary>
/// The <c>Auth</c> section: the signing secret (BETTER_AUTH_SECRET), the public base URL (BETTER_AUTH_URL), the trusted
/// origins (BETTER_AUTH_TRUSTED_ORIGINS), the addresses that become admin, the password KDF's cost, whether
/// sign-up may tell that an address is registered, and the session cache's lifetime.
/// </summary>
public sealed class AuthOptions : IValidatableObject
{
    public const string Section = "Auth";
    public const int MinimumSecretLength = 32;

    /// <summary>OWASP ASVS 5.0 11.4.2's floor for PBKDF2-HMAC-SHA512.</summary>
    public const int MinimumPasswordIterations = 210_000;

    /// <summary>Only ever used in Development, with a warning: anyone can read it here.</summary>
    internal const string DevelopmentSecret = "waitlist-development-secret-do-not-use-in-production";

    public string Secret { get; set; } = "";

    public string BaseUrl { get; set; } = "http://localhost:4000";

    public string[] TrustedOrigins { get; set; } = [];

    /// <summary>Addresses that become admin once verified (the first admin of a new installation).</summary>
    public string[] AdminEmails { get; set; } = [];

    public int PasswordIterations { get; set; } = MinimumPasswordIterations;

    /// <summary>
    /// When true, sign-up answers a registered address exactly as a new one — no session for either, so nobody can
    /// tell them apart — and emails the address's owner instead. Off by default: the Better Auth client expects
    /// 422 USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL and a session at once.
    /// </summary>
    public bool ConcealRegisteredEmails { get; set; }

    /// <summary>How often this instance looks for account emails queued by others; 0 leaves them to the other instances.</summary>
    [Range(0, 3600, ErrorMessage = "Auth:AccountEmailPollSeconds must be between 0 and 3600.")]
    public int AccountEmailPollSeconds { get; set; } = 5;

    /// <summary>
    /// How long a session lookup stays in this instance's cache at most (never past the session's expiry); 0 turns the
    /// cache off. Revocations evict at once on every instance through notifications: this only bounds a missed one.
    /// </summary>
    [Range(0, 300, ErrorMessage = "Auth:SessionCacheSeconds must be between 0 and 300.")]
    public int SessionCacheSeconds { get; set; } = 30;

    /// <summary>Set when Development fell back to <see cref="DevelopmentSecret"/>; start-up warns about it.</summary>
    internal bool UsesDevelopmentSecret { get; set; }

    /// <summary>The parsed <see cref="BaseUrl"/>; start-up refuses a value that does not parse, so the fallback is never served.</summary>
    public Uri BaseUri => Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) ? uri : new Uri("http://localhost:4000");

    /// <summary>https base URL: cookies are Secure and carry Better Auth's <c>__Secure-</c> prefix.</summary>
    public bool SecureCookies => BaseUri.Scheme == Uri.UriSchemeHttps;

    /// <summary>The base URL's scheme, host and port, with no trailing slash: what links in emails start with.</summary>
    public string PublicOrigin => BaseUri.GetLeftPart(UriPartial.Authority);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Secret.Length == 0)
            yield return new ValidationResult(
                $"Auth:Secret (BETTER_AUTH_SECRET) is not set. Set a random secret of at least {MinimumSecretLength} characters, e.g. `openssl rand -base64 32`.");
        else if (Secret.Length < MinimumSecretLength)
            yield return new ValidationResult($"Auth:Secret (BETTER_AUTH_SECRET) must be at least {MinimumSecretLength} characters long.");
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("http" or "https"))
            yield return new ValidationResult($"Auth:BaseUrl (BETTER_AUTH_URL) must be an absolute http(s) URL, not '{BaseUrl}'.");
        if (PasswordIterations < MinimumPasswordIterations)
            yield return new ValidationResult($"Auth:PasswordIterations must be at least {MinimumPasswordIterations}.");
    }
}
