using FluentValidation;
using Waitlist.Infrastructure.Validation;

namespace Waitlist.Features.Waitlist.JoinWaitlist;

public sealed record Request(string? Email, string? Type, string? Name, string? Field, string? Company)
{
    public const string Professional = "professional";
    public const string Empresa = "empresa";

    /// <summary>The values as they are stored: trimmed, the email lower-cased, blank optional fields as null.</summary>
    public Request Normalized() => new(
        Email?.Trim().ToLowerInvariant(),
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
            .Must(n => n!.Trim().Length is >= 2 and <= 120).WithErrorCode("INVALID_LENGTH").WithMessage(WaitlistTexts.NameLength);

        RuleFor(r => r.Field)
            .Must(f => !string.IsNullOrWhiteSpace(f)).WithErrorCode("REQUIRED").WithMessage(WaitlistTexts.FieldRequired)
            .When(r => r.Type?.Trim() == Request.Professional);
        RuleFor(r => r.Field)
            .Must(f => f!.Trim().Length <= 120).WithErrorCode("TOO_LONG").WithMessage(WaitlistTexts.FieldTooLong)
            .When(r => r.Field is not null);

        RuleFor(r => r.Company)
            .Must(c => !string.IsNullOrWhiteSpace(c)).WithErrorCode("REQUIRED").WithMessage(WaitlistTexts.CompanyRequired)
            .When(r => r.Type?.Trim() == Request.Empresa);
        RuleFor(r => r.Company)
            .Must(c => c!.Trim().Length <= 160).WithErrorCode("TOO_LONG").WithMessage(WaitlistTexts.CompanyTooLong)
            .When(r => r.Company is not null);
    }
}
