using Waitlist.Infrastructure.Auth;

namespace Waitlist.Features.Auth.ChangePassword;

/// <param name="Token">The new session's token when the other sessions were revoked; null otherwise.</param>
public sealed record Response(string? Token, AuthUser User);
