using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace Waitlist.Features.Auth.AdminViews.BrowseApiKeys;

internal sealed record Request : PagedQuery
{
    [FromQuery(Name = "userId"), Description(AuthTexts.ApiKeyUserIdParameter)] public string? UserId { get; init; }
    [FromQuery(Name = "enabled"), Description(AuthTexts.EnabledParameter)] public string? Enabled { get; init; }
}

internal sealed class Validator : AbstractValidator<Request>
{
    public Validator()
    {
        RuleFor(r => r.UserId).UserIdFilter();
        RuleFor(r => r.Enabled).QueryFlag("enabled");
        this.RuleForPage(AdminViewsRules.MaxLimit);
    }
}
