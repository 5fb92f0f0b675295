namespace Waitlist.Features.Auth.AdminViews.BrowseUsers;

internal sealed record Response(IReadOnlyList<AuthUser> Users, Pagination Pagination);
