using Waitlist.Features.Auth.Sessions;

namespace Waitlist.Features.Auth.SignUp;

internal sealed record Request(string? Name, string? Email, string? Password, string? Username, string? DisplayUsername,
    string? Image, string? CallbackURL, bool? RememberMe);

internal sealed class Validator : AbstractValidator<Request>
{
    public Validator(TrustedOrigins origins)
    {
        RuleFor(r => r.Name).Name("name");
        RuleFor(r => r.Email).Email(AuthTexts.ValidationError, AuthTexts.InvalidEmailField("email"));
        RuleFor(r => r.Password).Password("password");
        RuleFor(r => r.Username).Username();
        RuleFor(r => r.DisplayUsername).OptionalText("displayUsername");
        RuleFor(r => r.Image).OptionalText("image", AuthRules.MaxUrlLength);
        RuleFor(r => r.CallbackURL).TrustedRedirect(origins, AuthTexts.InvalidCallbackUrl);
    }
}
