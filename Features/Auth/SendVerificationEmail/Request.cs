using Waitlist.Features.Auth.Sessions;

namespace Waitlist.Features.Auth.SendVerificationEmail;

/// <param name="CallbackURL">Where verify-email sends the browser afterwards.</param>
internal sealed record Request(string? Email, string? CallbackURL);

internal sealed class Validator : AbstractValidator<Request>
{
    public Validator(TrustedOrigins origins)
    {
        RuleFor(r => r.Email).Email(AuthTexts.InvalidEmailCode, AuthTexts.InvalidEmail);
        RuleFor(r => r.CallbackURL).TrustedRedirect(origins, AuthTexts.InvalidCallbackUrl);
    }
}
