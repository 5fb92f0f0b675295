using FluentValidation;

namespace Waitlist.Features.Auth.RequestPasswordReset;

/// <param name="RedirectTo">The dashboard's reset page; the emailed link is <c>redirectTo?token=...</c>.</param>
public sealed record Request(string? Email, string? RedirectTo);

internal sealed class Validator : AbstractValidator<Request>
{
    public Validator()
    {
        RuleFor(r => r.Email).Email(AuthTexts.InvalidEmailCode, AuthTexts.InvalidEmail);
        RuleFor(r => r.RedirectTo).Must(r => r is null || r.Length <= 2048).WithErrorCode(AuthTexts.ValidationError).WithMessage(AuthTexts.TooLong("redirectTo"));
    }
}
