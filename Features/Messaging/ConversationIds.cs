namespace Waitlist.Features.Messaging;

/// <summary>Conversations are named by UUIDs in their canonical form (<c>0190a5c2-…</c>); anything else is no conversation id.</summary>
internal static class ConversationIds
{
    public static bool IsWellFormed(string id) => TryParse(id, out _);

    public static bool TryParse(string? id, out Guid conversationId) => Guid.TryParseExact(id, "D", out conversationId);
}
