namespace Waitlist.Features.Profile.ListMySessions;

internal sealed record Response(IReadOnlyList<MySession> Sessions, Pagination Pagination);

/// <param name="Current">The session this request came with.</param>
internal sealed record MySession(string Id, string UserId, DateTime ExpiresAt, string? IpAddress, string? UserAgent, DateTime CreatedAt, bool Current);
