using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Waitlist.Features.Waitlist.Spam;

namespace Waitlist.Features.Waitlist.JoinWaitlist;

/// <remarks>The attributes describe the body in the OpenAPI document; <see cref="Validator"/> enforces it.</remarks>
public sealed record Request(
    [property: Required, MaxLength(EmailAddressRule.MaxLength), Description(WaitlistTexts.EmailParameter)] string? Email,
    [property: Required, AllowedValues(Request.Professional, Request.Empresa), Description(WaitlistTexts.TypeParameter)] string? Type,
    [property: Required, MinLength(2), MaxLength(120), Description(WaitlistTexts.NameParameter)] string? Name,
    [property: MaxLength(120), Description(WaitlistTexts.FieldParameter)] string? Field = null,
    [property: MaxLength(160), Description(WaitlistTexts.CompanyParameter)] string? Company = null,
    [property: MaxLength(Request.MaxRefLength), Description(WaitlistTexts.RefParameter)] string? Ref = null,
    [property: Description(WaitlistTexts.WebsiteParameter)] string? Website = null,
    [property: Description(WaitlistTexts.RenderedAtParameter)] long? RenderedAt = null,
    [property: Description(WaitlistTexts.CaptchaTokenParameter)] string? CaptchaToken = null)
{
    public const string Professional = "professional";
    public const string Empresa = "empresa";
    public const int MaxRefLength = 32;

    /// <summary>The honeypot: the form hides <c>website</c>, so only a bot fills it in.</summary>
    public bool FilledHoneypot => !string.IsNullOrWhiteSpace(Website);

    /// <summary>
    /// The referral code of the share link, or null: a code that cannot be one (a link mangled on its way) is ignored
    /// rather than refused, so it never costs a sign-up.
    /// </summary>
    public string? ReferralCode => Ref?.Trim() is { Length: > 0 and <= MaxRefLength } code && code.All(char.IsAsciiLetterOrDigit)
        ? code.ToLowerInvariant()
        : null;

    /// <summary>The values as they are stored: trimmed, blank optional fields as null (the database lower-cases the email).</summary>
    public Request Normalized() => this with
    {
        Email = Email?.Trim(),
        Type = Type?.Trim(),
        Name = Name?.Trim(),
        Field = NullIfBlank(Field),
        Company = NullIfBlank(Company),
    };

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <remarks>
/// A filled honeypot skips every rule: the bot gets the 201 it expects (see the handler) whatever it sent, and learns
/// nothing from field errors.
/// </remarks>
internal sealed class Validator : AbstractValidator<Request>
{
    public Validator(DisposableDomains disposableDomains, WaitlistSettings settings, TimeProvider time) =>
        When(r => !r.FilledHoneypot, () => Rules(disposableDomains, settings, time));

    private void Rules(DisposableDomains disposableDomains, WaitlistSettings settings, TimeProvider time)
    {
        RuleFor(r => r.Email).Cascade(CascadeMode.Stop)
            .Must(e => !string.IsNullOrWhiteSpace(e)).WithErrorCode("REQUIRED").WithMessage(WaitlistTexts.EmailRequired)
            .Must(e => e!.Trim().Length <= EmailAddressRule.MaxLength).WithErrorCode("TOO_LONG").WithMessage(WaitlistTexts.EmailTooLong)
            .ValidEmailAddress("INVALID_EMAIL", WaitlistTexts.EmailInvalid)
            .Must(e => !disposableDomains.Contains(e!)).WithErrorCode("DISPOSABLE_EMAIL").WithMessage(WaitlistTexts.DisposableEmail);

        // renderedAt comes from the visitor's clock. Only a render time in the past but closer than the minimum is
        // refused; one in the future is a clock running ahead (a person's, as likely as a bot's), and passes.
        RuleFor(r => r.RenderedAt)
            .Must(renderedAt => SecondsSince(renderedAt!.Value, time) is var elapsed && (elapsed < 0 || elapsed >= settings.MinSecondsToSubmit))
            .WithErrorCode("TOO_FAST").WithMessage(WaitlistTexts.TooFast)
            .When(r => r.RenderedAt is not null && settings.MinSecondsToSubmit > 0);

        RuleFor(r => r.Type).Cascade(CascadeMode.Stop)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithErrorCode("REQUIRED").WithMessage(WaitlistTexts.TypeRequired)
            .Must(t => t!.Trim() is Request.Professional or Request.Empresa).WithErrorCode("INVALID_TYPE").WithMessage(WaitlistTexts.TypeInvalid);

        RuleFor(r => r.Name).Cascade(CascadeMode.Stop)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithErrorCode("REQUIRED").WithMessage(WaitlistTexts.NameRequired)
            .Must(n => PlainTextRules.Length(n!) is >= 2 and <= 120).WithErrorCode("INVALID_LENGTH").WithMessage(WaitlistTexts.NameLength)
            .NoControlCharacters(WaitlistTexts.NoControlCharacters);

        RuleFor(r => r.Field)
            .Must(f => !string.IsNullOrWhiteSpace(f)).WithErrorCode("REQUIRED").WithMessage(WaitlistTexts.FieldRequired)
            .When(r => r.Type?.Trim() == Request.Professional);
        RuleFor(r => r.Field)
            .Must(f => PlainTextRules.Length(f!) <= 120).WithErrorCode("TOO_LONG").WithMessage(WaitlistTexts.FieldTooLong)
            .NoControlCharacters(WaitlistTexts.NoControlCharacters)
            .When(r => r.Field is not null);

        RuleFor(r => r.Company)
            .Must(c => !string.IsNullOrWhiteSpace(c)).WithErrorCode("REQUIRED").WithMessage(WaitlistTexts.CompanyRequired)
            .When(r => r.Type?.Trim() == Request.Empresa);
        RuleFor(r => r.Company)
            .Must(c => PlainTextRules.Length(c!) <= 160).WithErrorCode("TOO_LONG").WithMessage(WaitlistTexts.CompanyTooLong)
            .NoControlCharacters(WaitlistTexts.NoControlCharacters)
            .When(r => r.Company is not null);
    }

    private static double SecondsSince(long unixMilliseconds, TimeProvider time) =>
        (time.GetUtcNow().ToUnixTimeMilliseconds() - unixMilliseconds) / 1000.0;
}
