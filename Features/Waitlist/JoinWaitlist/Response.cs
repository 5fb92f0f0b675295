namespace Waitlist.Features.Waitlist.JoinWaitlist;

/// <param name="Position">Place in the queue, counted from the first entry (1-based).</param>
public sealed record Response(Guid Id, string Email, string Type, string Name, string? Field, string? Company, DateTime CreatedAt, long Position);
