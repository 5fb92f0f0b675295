using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace Waitlist.Features.Auth.AdminViews.BrowseUsers;

internal sealed record Request : PagedQuery
{
    [FromQuery(Name = "role"), Description(AuthTexts.RoleParameter)] public string? Role { get; init; }
    [FromQuery(Name = "banned"), Description(AuthTexts.BannedParameter)] public string? Banned { get; init; }
    [FromQuery(Name = "search"), Description(AuthTexts.SearchParameter)] public string? Search { get; init; }
}

internal sealed class Validator : AbstractValidator<Request>
{
    public Validator()
    {
        RuleFor(r => r.Role).Role();
        RuleFor(r => r.Banned).QueryFlag("banned");
        RuleFor(r => r.Search).Must(s => s is null || s.Length <= AuthRules.MaxTextLength).WithErrorCode("TOO_LONG").WithMessage(AuthTexts.SearchTooLongText)
            .NoControlCharacters(AuthTexts.NoControlCharactersText);
        this.RuleForPage(AdminViewsRules.MaxLimit);
    }
}
