using Waitlist.Infrastructure.Auth;

namespace Waitlist.Features.Auth.GetSession;

public sealed record Response(SessionView Session, AuthUser User);
