using Waitlist.Features.Auth.Sessions;

namespace Waitlist.Features.Auth.RequestPasswordReset;

/// <param name="RedirectTo">The dashboard's reset page; the emailed link is <c>redirectTo?token=...</c>.</param>
internal sealed record Request(string? Email, string? RedirectTo);

internal sealed class Validator : AbstractValidator<Request>
{
    public Validator(TrustedOrigins origins)
    {
        RuleFor(r => r.Email).Email(AuthTexts.InvalidEmailCode, AuthTexts.InvalidEmail);
        RuleFor(r => r.RedirectTo).TrustedRedirect(origins, AuthTexts.InvalidRedirectUrl);
    }
}
