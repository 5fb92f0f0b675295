using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Waitlist.Features.Messaging.SendMessage;

/// <remarks>The attributes describe the body in the OpenAPI document; <see cref="Validator"/> enforces it.</remarks>
internal sealed record Request(
    [property: Required, MaxLength(MessagingRules.MaxBodyLength), Description(MessagingTexts.BodyParameter)] string? Body,
    [property: MaxLength(MessagingRules.MaxClientIdLength), Description(MessagingTexts.ClientIdParameter)] string? ClientId = null);

internal sealed class Validator : AbstractValidator<Request>
{
    public Validator()
    {
        RuleFor(r => r.Body).MessageBody();
        RuleFor(r => r.ClientId).ClientId();
    }
}
