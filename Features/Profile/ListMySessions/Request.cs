using System.ComponentModel;
using FluentValidation;
using Waitlist.Infrastructure.Pagination;
using Waitlist.Infrastructure.Validation;

namespace Waitlist.Features.Profile.ListMySessions;

/// <summary>The query string, read as text so that each wrong value is a field error that names it.</summary>
internal sealed record Request(
    [property: Description(ProfileTexts.ActiveParameter)] string? Active,
    [property: Description(ProfileTexts.LimitParameter)] string? Limit,
    [property: Description(ProfileTexts.OffsetParameter)] string? Offset);

internal sealed class Validator : AbstractValidator<Request>
{
    public const int MaxLimit = 100;

    public Validator()
    {
        RuleFor(r => r.Active).QueryFlag("active");
        RuleFor(r => r.Limit).PageLimit(MaxLimit);
        RuleFor(r => r.Offset).PageOffset();
    }
}
