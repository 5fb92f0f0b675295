namespace Waitlist.Features.Messaging.GetUnreadCount;

/// <param name="Unread">Messages from others after the caller's read marker, in all their conversations.</param>
internal sealed record Response(long Unread);
