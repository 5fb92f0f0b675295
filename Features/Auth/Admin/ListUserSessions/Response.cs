namespace Waitlist.Features.Auth.Admin.ListUserSessions;

public sealed record Response(IReadOnlyList<SessionView> Sessions);
