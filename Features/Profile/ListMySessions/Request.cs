using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace Waitlist.Features.Profile.ListMySessions;

/// <summary>The query string, read as text so that each wrong value is a field error that names it.</summary>
internal sealed record Request(
    [FromQuery(Name = "active")][property: Description(ProfileTexts.ActiveParameter)] string? Active,
    [FromQuery(Name = "limit")][property: Description(ProfileTexts.LimitParameter)] string? Limit,
    [FromQuery(Name = "offset")][property: Description(ProfileTexts.OffsetParameter)] string? Offset);

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
