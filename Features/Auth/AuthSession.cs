namespace Waitlist.Features.Auth;

/// <summary>A session row. Its token is not stored (only its SHA-256), so it is not here either.</summary>
public sealed record AuthSession(
    string Id, string UserId, DateTime ExpiresAt, string? IpAddress, string? UserAgent, string? ImpersonatedBy,
    bool RememberMe, DateTime CreatedAt, DateTime UpdatedAt);
