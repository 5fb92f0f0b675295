using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace Waitlist.Features.Messaging.ListConversations;

/// <summary>The query string, read as text so that each wrong value is a field error that names it.</summary>
internal sealed record Request(
    [FromQuery(Name = "limit")][property: Description(CommonTexts.LimitParameter)] string? Limit,
    [FromQuery(Name = "cursor")][property: Description(MessagingTexts.CursorParameter)] string? Cursor);

internal sealed class Validator : AbstractValidator<Request>
{
    public const int MaxLimit = 100;

    public Validator()
    {
        RuleFor(r => r.Limit).PageLimit(MaxLimit);
        RuleFor(r => r.Cursor).QueryId("INVALID_CURSOR", MessagingTexts.CursorInvalid);
    }
}
