using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Waitlist.Features.Messaging.StartConversation;

/// <param name="Message">A first message; left out (or blank), the conversation starts empty.</param>
/// <remarks>The attributes describe the body in the OpenAPI document; <see cref="Validator"/> enforces it.</remarks>
internal sealed record Request(
    [property: Required, MaxLength(64), Description(MessagingTexts.ParticipantIdParameter)] string? ParticipantId,
    [property: MaxLength(MessagingRules.MaxBodyLength), Description(MessagingTexts.FirstMessageParameter)] string? Message = null,
    [property: MaxLength(MessagingRules.MaxClientIdLength), Description(MessagingTexts.ClientIdParameter)] string? ClientId = null)
{
    public bool HasMessage => !string.IsNullOrWhiteSpace(Message);
}

internal sealed class Validator : AbstractValidator<Request>
{
    public Validator()
    {
        RuleFor(r => r.ParticipantId).Cascade(CascadeMode.Stop)
            .Must(id => !string.IsNullOrEmpty(id)).WithErrorCode("REQUIRED").WithMessage(MessagingTexts.ParticipantRequired)
            .Must(id => UserDirectory.IsWellFormedId(id!)).WithErrorCode("INVALID_ID").WithMessage(MessagingTexts.ParticipantInvalid);
        RuleFor(r => r.Message).MessageBody().When(r => r.HasMessage);
        RuleFor(r => r.ClientId).ClientId();
    }
}
