using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace Waitlist.Features.Messaging.ListMessages;

/// <summary>The query string, read as text so that each wrong value is a field error that names it.</summary>
internal sealed record Request(
    [FromQuery(Name = "limit")][property: Description(CommonTexts.LimitParameter)] string? Limit,
    [FromQuery(Name = "before")][property: Description(MessagingTexts.BeforeParameter)] string? Before,
    [FromQuery(Name = "after")][property: Description(MessagingTexts.AfterParameter)] string? After);

internal sealed class Validator : AbstractValidator<Request>
{
    public const int MaxLimit = 100;

    public Validator()
    {
        RuleFor(r => r.Limit).PageLimit(MaxLimit);
        RuleFor(r => r.Before).QueryId("INVALID_CURSOR", MessagingTexts.MessageIdInvalid);
        RuleFor(r => r.After).QueryId("INVALID_CURSOR", MessagingTexts.MessageIdInvalid);
    }
}
