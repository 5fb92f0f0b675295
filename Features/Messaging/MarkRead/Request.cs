using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Waitlist.Features.Messaging.MarkRead;

internal sealed record Request([property: Required, Description(MessagingTexts.LastMessageIdParameter)] long? LastMessageId);

internal sealed class Validator : AbstractValidator<Request>
{
    public Validator()
    {
        RuleFor(r => r.LastMessageId).Cascade(CascadeMode.Stop)
            .NotNull().WithErrorCode("REQUIRED").WithMessage(MessagingTexts.LastMessageIdRequired)
            .GreaterThan(0).WithErrorCode("INVALID_ID").WithMessage(MessagingTexts.MessageIdInvalid);
    }
}
