namespace Waitlist.Features.Auth.GetSession;

internal sealed record Response(SessionView Session, AuthUser User);
