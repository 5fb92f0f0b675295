using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace Waitlist.Features.Auth.AdminViews.BrowseSessions;

internal sealed record Request : PagedQuery
{
    [FromQuery(Name = "userId"), Description(AuthTexts.UserIdParameter)] public string? UserId { get; init; }
    [FromQuery(Name = "active"), Description(AuthTexts.ActiveParameter)] public string? Active { get; init; }
}

internal sealed class Validator : AbstractValidator<Request>
{
    public Validator()
    {
        RuleFor(r => r.UserId).UserIdFilter();
        RuleFor(r => r.Active).QueryFlag("active");
        this.RuleForPage(AdminViewsRules.MaxLimit);
    }
}
