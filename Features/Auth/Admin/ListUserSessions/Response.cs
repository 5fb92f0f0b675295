namespace Waitlist.Features.Auth.Admin.ListUserSessions;

internal sealed record Response(IReadOnlyList<SessionView> Sessions);
