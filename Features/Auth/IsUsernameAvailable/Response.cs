namespace Waitlist.Features.Auth.IsUsernameAvailable;

public sealed record Response(bool Available);
