using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Waitlist.Infrastructure.Validation;

namespace Waitlist.Features.Waitlist.JoinWaitlist;

/// <remarks>The attributes describe the body in the OpenAPI document; <see cref="Validator"/> enforces it.</remarks>
public sealed record Request(
    [property: Required, MaxLength(EmailAddressRule.MaxLength), Description(WaitlistTexts.EmailParameter)] string? Email,
    [property: Required, AllowedValues(Request.Professional, Request.Empresa), Description(WaitlistTexts.TypeParameter)] string? Type,
    [property: Required, MinLength(2), MaxLength(120), Description(WaitlistTexts.NameParameter)] string? Name,
    [property: MaxLength(120), Description(WaitlistTexts.FieldParameter)] string? Field = null,
    [property: MaxLength(160), Description(WaitlistTexts.CompanyParameter)] string? Company = null)
{
    public const string Professional = "professional";
    public const string Empresa = "empresa";

    /// <summary>The values as they are stored: trimmed, blank optional fields as null (the database lower-cases the email).</summary>
    public Request Normalized() => new(
        Email?.Trim(),
        Type?.Trim(),
        Name?.Trim(),
        NullIfBlank(Field),
        NullIfBlank(Company));

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

internal sealed class Validator : AbstractValidator<Request>
{
    public Validator()
    {
        RuleFor(r => r.Email).Cascade(CascadeMode.Stop)
            .Must(e => !string.IsNullOrWhiteSpace(e)).WithErrorCode("REQUIRED").WithMessage(WaitlistTexts.EmailRequired)
            .Must(e => e!.Trim().Length <= EmailAddressRule.MaxLength).WithErrorCode("TOO_LONG").WithMessage(WaitlistTexts.EmailTooLong)
            .ValidEmailAddress("INVALID_EMAIL", WaitlistTexts.EmailInvalid);

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
}
