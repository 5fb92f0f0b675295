namespace Waitlist.Features.Messaging.StartConversation;

internal sealed record Response(ConversationView Conversation);
