namespace Waitlist.Features.Messaging.ListMessages;

/// <param name="NextCursor">The <c>before</c> of the next (older) page; null when there is none.</param>
internal sealed record Response(IReadOnlyList<MessageView> Messages, string? NextCursor);
