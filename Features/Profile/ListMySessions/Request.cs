using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace Waitlist.Features.Profile.ListMySessions;

internal sealed record Request : PagedQuery
{
    [FromQuery(Name = "active"), Description(ProfileTexts.ActiveParameter)] public string? Active { get; init; }
}

internal sealed class Validator : AbstractValidator<Request>
{
    public const int MaxLimit = 100;

    public Validator()
    {
        RuleFor(r => r.Active).QueryFlag("active");
        this.RuleForPage(MaxLimit);
    }
}
