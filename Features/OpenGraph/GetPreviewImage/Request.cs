using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace Waitlist.Features.OpenGraph.GetPreviewImage;

/// <summary>The query string of <c>GET /api/og</c>; absent or blank texts fall back to the configured defaults.</summary>
public sealed record Request(
    [FromQuery(Name = "title")][property: Description(OpenGraphTexts.TitleParameter)] string? Title,
    [FromQuery(Name = "subtitle")][property: Description(OpenGraphTexts.SubtitleParameter)] string? Subtitle);

internal sealed class Validator : AbstractValidator<Request>
{
    public Validator()
    {
        RuleFor(r => r.Title)
            .Must(t => PreviewText.Length(t!) <= PreviewText.MaxLength).WithErrorCode("TOO_LONG").WithMessage(OpenGraphTexts.TitleTooLong)
            .When(r => r.Title is not null);
        RuleFor(r => r.Subtitle)
            .Must(s => PreviewText.Length(s!) <= PreviewText.MaxLength).WithErrorCode("TOO_LONG").WithMessage(OpenGraphTexts.SubtitleTooLong)
            .When(r => r.Subtitle is not null);
    }
}
