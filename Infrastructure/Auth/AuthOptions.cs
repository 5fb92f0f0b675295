namespace Waitlist.Infrastructure.Auth;

/// <summary>
/// The <c>Auth</c> section, resolved once at start-up: the signing secret (BETTER_AUTH_SECRET), the public base URL
/// (BETTER_AUTH_URL), the trusted origins (Auth:TrustedOrigins as an array or a comma-separated string, which is how
/// BETTER_AUTH_TRUSTED_ORIGINS arrives), the emails that become admin, and the password KDF's cost.
/// </summary>
public sealed class AuthOptions
{
    public const int MinimumSecretLength = 32;
    /// <summary>OWASP ASVS 5.0 11.4.2's floor for PBKDF2-HMAC-SHA512.</summary>
    public const int MinimumPasswordIterations = 210_000;

    /// <summary>Only ever used in Development, with a warning: anyone can read it here.</summary>
    internal const string DevelopmentSecret = "waitlist-development-secret-do-not-use-in-production";

    public string Secret { get; set; } = "";
    public Uri BaseUrl { get; set; } = new("http://localhost:4000");
    public IReadOnlyList<string> TrustedOrigins { get; set; } = [];
    public IReadOnlySet<string> AdminEmails { get; set; } = new HashSet<string>();
    public int PasswordIterations { get; set; } = MinimumPasswordIterations;

    /// <summary>https base URL: cookies are Secure and carry Better Auth's <c>__Secure-</c> prefix.</summary>
    public bool SecureCookies => BaseUrl.Scheme == Uri.UriSchemeHttps;

    public bool IsAdminEmail(string email) => AdminEmails.Contains(email.Trim().ToLowerInvariant());

    internal static AuthOptions FromConfiguration(IConfiguration configuration, IHostEnvironment environment, ILogger logger)
    {
        var section = configuration.GetSection("Auth");
        var secret = section["Secret"]?.Trim() ?? "";
        if (secret.Length == 0)
        {
            if (!environment.IsDevelopment())
                throw new InvalidOperationException(
                    $"Auth:Secret (BETTER_AUTH_SECRET) is not set. Set a random secret of at least {MinimumSecretLength} characters, e.g. `openssl rand -base64 32`.");
            logger.LogWarning("Auth:Secret (BETTER_AUTH_SECRET) is not set: using the fixed development secret. Never run like this outside Development.");
            secret = DevelopmentSecret;
        }
        else if (secret.Length < MinimumSecretLength)
        {
            throw new InvalidOperationException($"Auth:Secret (BETTER_AUTH_SECRET) must be at least {MinimumSecretLength} characters long.");
        }

        var baseUrlText = section["BaseUrl"];
        var baseUrl = string.IsNullOrWhiteSpace(baseUrlText) ? new Uri("http://localhost:4000") :
            Uri.TryCreate(baseUrlText.Trim(), UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https" ? parsed
            : throw new InvalidOperationException("Auth:BaseUrl (BETTER_AUTH_URL) must be an absolute http(s) URL.");

        var iterations = section.GetValue("PasswordIterations", MinimumPasswordIterations);
        if (iterations < MinimumPasswordIterations)
            throw new InvalidOperationException($"Auth:PasswordIterations must be at least {MinimumPasswordIterations}.");

        return new AuthOptions
        {
            Secret = secret,
            BaseUrl = baseUrl,
            TrustedOrigins = ListOf(section.GetSection("TrustedOrigins")),
            AdminEmails = ListOf(section.GetSection("AdminEmails")).Select(e => e.ToLowerInvariant()).ToHashSet(),
            PasswordIterations = iterations,
        };
    }

    /// <summary>A setting given as an array (appsettings.json) or as one comma-separated string (an environment variable).</summary>
    private static List<string> ListOf(IConfigurationSection section) =>
        new[] { section.Value }.Concat(section.GetChildren().Select(child => child.Value))
            .SelectMany(value => (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();
}
