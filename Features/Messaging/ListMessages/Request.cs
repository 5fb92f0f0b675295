using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace Waitlist.Features.Messaging.ListMessages;

internal sealed record Request : KeysetQuery
{
    [FromQuery(Name = "before"), Description(MessagingTexts.BeforeParameter)] public string? Before { get; init; }
    [FromQuery(Name = "after"), Description(MessagingTexts.AfterParameter)] public string? After { get; init; }
}

internal sealed class Validator : AbstractValidator<Request>
{
    public Validator()
    {
        this.RuleForLimit();
        RuleFor(r => r.Before).QueryId("INVALID_CURSOR", MessagingTexts.MessageIdInvalid);
        RuleFor(r => r.After).QueryId("INVALID_CURSOR", MessagingTexts.MessageIdInvalid);
    }
}
