using FluentValidation;

namespace Waitlist.Features.Auth.SignInEmail;

public sealed record Request(string? Email, string? Password, bool? RememberMe, string? CallbackURL);

internal sealed class Validator : AbstractValidator<Request>
{
    public Validator()
    {
        RuleFor(r => r.Email).Email(AuthTexts.InvalidEmailCode, AuthTexts.InvalidEmail);
        RuleFor(r => r.Password).RequiredText("password");
    }
}
