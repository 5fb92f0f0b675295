using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace Waitlist.Features.Auth.AdminViews.BrowseSessions;

/// <summary>The query string, read as text so that each wrong value is a field error that names it.</summary>
internal sealed record Request(
    [FromQuery(Name = "userId")][property: Description(AuthTexts.UserIdParameter)] string? UserId,
    [FromQuery(Name = "active")][property: Description(AuthTexts.ActiveParameter)] string? Active,
    [FromQuery(Name = "limit")][property: Description(AuthTexts.LimitParameter)] string? Limit,
    [FromQuery(Name = "offset")][property: Description(AuthTexts.OffsetParameter)] string? Offset);

internal sealed class Validator : AbstractValidator<Request>
{
    public Validator()
    {
        RuleFor(r => r.UserId).UserIdFilter();
        RuleFor(r => r.Active).QueryFlag("active");
        RuleFor(r => r.Limit).PageLimit(AdminViewsRules.MaxLimit);
        RuleFor(r => r.Offset).PageOffset();
    }
}
