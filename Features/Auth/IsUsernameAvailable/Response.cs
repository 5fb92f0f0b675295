namespace Waitlist.Features.Auth.IsUsernameAvailable;

internal sealed record Response(bool Available);
