using Waitlist.Features.Auth.Sessions;
using Microsoft.AspNetCore.Mvc;

namespace Waitlist.Features.Auth.VerifyEmail;

/// <summary>The emailed link's query string.</summary>
internal sealed record Request([FromQuery(Name = "token")] string? Token, [FromQuery(Name = "callbackURL")] string? CallbackURL);

internal sealed class Validator : AbstractValidator<Request>
{
    public Validator(TrustedOrigins origins) => RuleFor(r => r.CallbackURL).TrustedRedirect(origins, AuthTexts.InvalidCallbackUrl);
}
