namespace Waitlist.Features.Messaging.ListConversations;

/// <param name="NextCursor">The next page's <c>cursor</c>; null on the last page.</param>
internal sealed record Response(IReadOnlyList<ConversationView> Conversations, string? NextCursor);
