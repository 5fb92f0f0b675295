using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace Waitlist.Features.Auth.AdminViews.BrowseUsers;

/// <summary>The query string, read as text so that each wrong value is a field error that names it.</summary>
internal sealed record Request(
    [FromQuery(Name = "role")][property: Description(AuthTexts.RoleParameter)] string? Role,
    [FromQuery(Name = "banned")][property: Description(AuthTexts.BannedParameter)] string? Banned,
    [FromQuery(Name = "search")][property: Description(AuthTexts.SearchParameter)] string? Search,
    [FromQuery(Name = "limit")][property: Description(AuthTexts.LimitParameter)] string? Limit,
    [FromQuery(Name = "offset")][property: Description(AuthTexts.OffsetParameter)] string? Offset);

internal sealed class Validator : AbstractValidator<Request>
{
    public Validator()
    {
        RuleFor(r => r.Role).Role();
        RuleFor(r => r.Banned).QueryFlag("banned");
        RuleFor(r => r.Search).Must(s => s is null || s.Length <= AuthRules.MaxTextLength).WithErrorCode("TOO_LONG").WithMessage(AuthTexts.SearchTooLongText)
            .NoControlCharacters(AuthTexts.NoControlCharactersText);
        RuleFor(r => r.Limit).PageLimit(AdminViewsRules.MaxLimit);
        RuleFor(r => r.Offset).PageOffset();
    }
}
