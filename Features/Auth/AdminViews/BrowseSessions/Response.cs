namespace Waitlist.Features.Auth.AdminViews.BrowseSessions;

internal sealed record Response(IReadOnlyList<AuthSession> Sessions, Pagination Pagination);
