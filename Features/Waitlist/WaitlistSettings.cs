using System.ComponentModel.DataAnnotations;

namespace Waitlist.Features.Waitlist;

/// <summary>The <c>Waitlist</c> section.</summary>
public sealed class WaitlistSettings : IValidatableObject
{
    /// <summary>waitlist.archive also archives entries older than this; 0 turns that rule off.</summary>
    [Range(0, 36500, ErrorMessage = "Waitlist:ArchiveAfterDays must be between 0 and 36500.")]
    public int ArchiveAfterDays { get; set; } = 365;

    /// <summary>Double opt-in: a new entry counts once its address is confirmed. Off for sites that confirm addresses themselves.</summary>
    public bool RequireConfirmation { get; set; } = true;

    /// <summary>Unconfirmed entries are erased this many days after they were made (waitlist.pending-cleanup); the link expires with them.</summary>
    [Range(1, 365, ErrorMessage = "Waitlist:PendingDays must be between 1 and 365.")]
    public int PendingDays { get; set; } = 7;

    /// <summary>Places each confirmed referral moves its referrer up.</summary>
    [Range(0, 100_000, ErrorMessage = "Waitlist:ReferralBoost must be between 0 and 100000.")]
    public int ReferralBoost { get; set; } = 5;

    /// <summary>
    /// The marketing site's page a confirmation link lands on, with <c>?estado=confirmado|ya-confirmado|enlace-caducado</c>;
    /// empty: the API answers a small Spanish page itself.
    /// </summary>
    public string ConfirmedUrl { get; set; } = "";

    /// <summary>The page with the form, where a share link (<c>?ref=code</c>) leads.</summary>
    public string ShareUrl { get; set; } = "http://localhost:3000/";

    /// <summary>Optional: the marketing site's page that shows a person their place (it calls <c>/api/waitlist/me?token=</c>); emails link to it with the token.</summary>
    public string StatusPageUrl { get; set; } = "";

    /// <summary>The dashboard's sign-up page, which an invitation links to.</summary>
    public string SignUpUrl { get; set; } = "http://localhost:3000/registro";

    /// <summary>Where this API is reachable from the internet, for the links in emails (confirm, unsubscribe); empty: <c>Auth:BaseUrl</c> (BETTER_AUTH_URL).</summary>
    public string PublicApiUrl { get; set; } = "";

    /// <summary>The key that signs the links in waitlist emails; empty: derived from <c>Auth:Secret</c> (BETTER_AUTH_SECRET).</summary>
    public string TokenSecret { get; set; } = "";

    /// <summary>
    /// The least time between the form's render (<c>renderedAt</c>, when the site sends it) and its post; faster is a bot.
    /// 0 turns the check off.
    /// </summary>
    [Range(0, 600, ErrorMessage = "Waitlist:MinSecondsToSubmit must be between 0 and 600.")]
    public int MinSecondsToSubmit { get; set; } = 3;

    /// <summary>One domain a line (<c>#</c> starts a comment): absolute, or relative to the content root or the API's directory; read at start-up.</summary>
    public string DisposableDomainsFile { get; set; } = "Features/Waitlist/Spam/disposable-domains.txt";

    public CaptchaSettings Captcha { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, value, required) in new[]
                 {
                     ("ConfirmedUrl", ConfirmedUrl, false), ("ShareUrl", ShareUrl, true), ("StatusPageUrl", StatusPageUrl, false),
                     ("SignUpUrl", SignUpUrl, true), ("PublicApiUrl", PublicApiUrl, true),
                 })
        {
            if ((required || value.Length > 0) && !IsHttpUrl(value))
                yield return new ValidationResult($"Waitlist:{name} must be an absolute http(s) URL, not '{value}'.");
        }
        if (TokenSecret.Length < MinimumSecretLength)
            yield return new ValidationResult(
                $"Waitlist:TokenSecret must be at least {MinimumSecretLength} characters long (when empty it is derived from Auth:Secret, BETTER_AUTH_SECRET).");
        if (!File.Exists(DisposableDomainsFile))
            yield return new ValidationResult($"Waitlist:DisposableDomainsFile: '{DisposableDomainsFile}' does not exist.");
        foreach (var result in Captcha.Validate())
            yield return result;
    }

    public const int MinimumSecretLength = 32;

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
}

/// <summary>
/// <c>Waitlist:Captcha</c>: Cloudflare Turnstile or hCaptcha, verified server-side when a provider is named. Both take
/// the same form post (secret, response, remoteip) and answer <c>{ "success": bool }</c>.
/// </summary>
public sealed class CaptchaSettings
{
    public const string Turnstile = "turnstile";
    public const string HCaptcha = "hcaptcha";

    /// <summary><c>turnstile</c>, <c>hcaptcha</c>, or empty for no captcha.</summary>
    public string Provider { get; set; } = "";

    public string Secret { get; set; } = "";

    /// <summary>The provider's verification endpoint; empty: the provider's own.</summary>
    public string VerifyUrl { get; set; } = "";

    /// <summary>How long to wait for the provider before letting the post through (fail open).</summary>
    public int TimeoutSeconds { get; set; } = 3;

    public bool Enabled => Provider.Length > 0;

    public string EffectiveVerifyUrl => VerifyUrl.Length > 0 ? VerifyUrl : Provider switch
    {
        Turnstile => "https://challenges.cloudflare.com/turnstile/v0/siteverify",
        HCaptcha => "https://api.hcaptcha.com/siteverify",
        _ => "",
    };

    internal IEnumerable<ValidationResult> Validate()
    {
        if (!Enabled)
            yield break;
        if (Provider is not (Turnstile or HCaptcha))
            yield return new ValidationResult($"Waitlist:Captcha:Provider must be '{Turnstile}', '{HCaptcha}' or empty, not '{Provider}'.");
        if (string.IsNullOrWhiteSpace(Secret))
            yield return new ValidationResult("Waitlist:Captcha:Secret is required when Waitlist:Captcha:Provider is set.");
        if (VerifyUrl.Length > 0 && !Uri.TryCreate(VerifyUrl, UriKind.Absolute, out _))
            yield return new ValidationResult($"Waitlist:Captcha:VerifyUrl must be an absolute URL, not '{VerifyUrl}'.");
        if (TimeoutSeconds is < 1 or > 30)
            yield return new ValidationResult("Waitlist:Captcha:TimeoutSeconds must be between 1 and 30.");
    }
}
