using FluentValidation;

namespace Waitlist.Features.Auth.SendVerificationEmail;

/// <param name="CallbackURL">Where verify-email sends the browser afterwards.</param>
public sealed record Request(string? Email, string? CallbackURL);

internal sealed class Validator : AbstractValidator<Request>
{
    public Validator()
    {
        RuleFor(r => r.Email).Email(AuthTexts.InvalidEmailCode, AuthTexts.InvalidEmail);
        RuleFor(r => r.CallbackURL).Must(c => c is null || c.Length <= 2048).WithErrorCode(AuthTexts.ValidationError).WithMessage(AuthTexts.TooLong("callbackURL"));
    }
}
