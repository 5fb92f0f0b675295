namespace Waitlist.Features.Messaging.SendMessage;

internal sealed record Response(MessageView Message);
