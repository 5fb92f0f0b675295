using System.ComponentModel;
using FluentValidation;
using Waitlist.Infrastructure.Pagination;
using Waitlist.Infrastructure.Validation;

namespace Waitlist.Features.Auth.AdminViews.BrowseUsers;

/// <summary>The query string, read as text so that each wrong value is a field error that names it.</summary>
internal sealed record Request(
    [property: Description(AuthTexts.RoleParameter)] string? Role,
    [property: Description(AuthTexts.BannedParameter)] string? Banned,
    [property: Description(AuthTexts.SearchParameter)] string? Search,
    [property: Description(AuthTexts.LimitParameter)] string? Limit,
    [property: Description(AuthTexts.OffsetParameter)] string? Offset);

internal sealed class Validator : AbstractValidator<Request>
{
    public const int MaxLimit = 500;

    public Validator()
    {
        RuleFor(r => r.Role).Role();
        RuleFor(r => r.Banned).QueryFlag("banned");
        RuleFor(r => r.Search).Must(s => s is null || s.Length <= AuthRules.MaxTextLength).WithErrorCode("TOO_LONG").WithMessage(AuthTexts.SearchTooLongText)
            .NoControlCharacters(AuthTexts.NoControlCharactersText);
        RuleFor(r => r.Limit).PageLimit(MaxLimit);
        RuleFor(r => r.Offset).PageOffset();
    }
}
