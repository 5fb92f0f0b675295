using System.ComponentModel;
using FluentValidation;
using Waitlist.Infrastructure.Pagination;
using Waitlist.Infrastructure.Validation;

namespace Waitlist.Features.Auth.AdminViews.BrowseSessions;

/// <summary>The query string, read as text so that each wrong value is a field error that names it.</summary>
internal sealed record Request(
    [property: Description(AuthTexts.UserIdParameter)] string? UserId,
    [property: Description(AuthTexts.ActiveParameter)] string? Active,
    [property: Description(AuthTexts.LimitParameter)] string? Limit,
    [property: Description(AuthTexts.OffsetParameter)] string? Offset);

internal sealed class Validator : AbstractValidator<Request>
{
    public const int MaxLimit = 500;

    public Validator()
    {
        RuleFor(r => r.UserId).Must(id => id is null || AuthIds.IsWellFormed(id)).WithErrorCode("INVALID_ID").WithMessage(AuthTexts.UserIdInvalidText);
        RuleFor(r => r.Active).QueryFlag("active");
        RuleFor(r => r.Limit).PageLimit(MaxLimit);
        RuleFor(r => r.Offset).PageOffset();
    }
}
