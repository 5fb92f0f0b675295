using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace Waitlist.Features.Messaging.ListConversations;

internal sealed record Request : KeysetQuery
{
    [FromQuery(Name = "cursor"), Description(MessagingTexts.CursorParameter)] public string? Cursor { get; init; }
}

internal sealed class Validator : AbstractValidator<Request>
{
    public Validator()
    {
        this.RuleForLimit();
        RuleFor(r => r.Cursor).QueryId("INVALID_CURSOR", MessagingTexts.CursorInvalid);
    }
}
