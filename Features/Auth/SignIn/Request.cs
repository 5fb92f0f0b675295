using Waitlist.Features.Auth.Sessions;

namespace Waitlist.Features.Auth.SignIn;

internal sealed record EmailRequest(string? Email, string? Password, bool? RememberMe, string? CallbackURL)
{
    public Credentials ToCredentials() => new(Login.Email, Email!, Password!, RememberMe ?? true, CallbackURL);
}

internal sealed record UsernameRequest(string? Username, string? Password, bool? RememberMe, string? CallbackURL)
{
    public Credentials ToCredentials() => new(Login.Username, Username!, Password!, RememberMe ?? true, CallbackURL);
}

internal enum Login { Email, Username }

/// <summary>What both sign-ins hand the handler once their request is valid.</summary>
internal sealed record Credentials(Login By, string Login, string Password, bool RememberMe, string? CallbackUrl);

internal sealed class EmailValidator : AbstractValidator<EmailRequest>
{
    public EmailValidator(TrustedOrigins origins)
    {
        RuleFor(r => r.Email).Email(AuthTexts.InvalidEmailCode, AuthTexts.InvalidEmail);
        RuleFor(r => r.Password).RequiredText("password");
        RuleFor(r => r.CallbackURL).TrustedRedirect(origins, AuthTexts.InvalidCallbackUrl);
    }
}

internal sealed class UsernameValidator : AbstractValidator<UsernameRequest>
{
    public UsernameValidator(TrustedOrigins origins)
    {
        RuleFor(r => r.Username).RequiredText("username", AuthRules.MaxUsernameLength);
        RuleFor(r => r.Password).RequiredText("password");
        RuleFor(r => r.CallbackURL).TrustedRedirect(origins, AuthTexts.InvalidCallbackUrl);
    }
}
