using Waitlist.Features.Auth.SignIn;

namespace Waitlist.Features.Auth.Tokens.Login;

internal sealed record Request(string? Email, string? Password)
{
    public Credentials ToCredentials() => new(SignIn.Login.Email, Email!, Password!, RememberMe: true, CallbackUrl: null);
}

internal sealed class Validator : AbstractValidator<Request>
{
    public Validator()
    {
        RuleFor(r => r.Email).Cascade(CascadeMode.Stop)
            .Must(email => !string.IsNullOrWhiteSpace(email)).WithErrorCode("REQUIRED").WithMessage(TokenTexts.Required("email"))
            .ValidEmailAddress("INVALID_EMAIL", TokenTexts.InvalidEmail);
        RuleFor(r => r.Password).Cascade(CascadeMode.Stop)
            .Must(password => !string.IsNullOrEmpty(password)).WithErrorCode("REQUIRED").WithMessage(TokenTexts.Required("password"))
            .Must(password => password!.Length <= AuthRules.MaxTextLength).WithErrorCode("TOO_LONG").WithMessage(TokenTexts.TooLong("password"));
    }
}
