using FluentValidation;

namespace Waitlist.Features.Auth.SignUpEmail;

public sealed record Request(string? Name, string? Email, string? Password, string? Username, string? DisplayUsername,
    string? Image, string? CallbackURL, bool? RememberMe);

internal sealed class Validator : AbstractValidator<Request>
{
    public Validator()
    {
        RuleFor(r => r.Name).RequiredText("name");
        RuleFor(r => r.Email).Email(AuthTexts.ValidationError, AuthTexts.InvalidEmailField("email"));
        RuleFor(r => r.Password).Password("password");
        RuleFor(r => r.Username).Username();
        RuleFor(r => r.DisplayUsername).Must(d => d is null || d.Length <= 256).WithErrorCode(AuthTexts.ValidationError).WithMessage(AuthTexts.TooLong("displayUsername"));
        RuleFor(r => r.Image).Must(i => i is null || i.Length <= 2048).WithErrorCode(AuthTexts.ValidationError).WithMessage(AuthTexts.TooLong("image"));
    }
}
