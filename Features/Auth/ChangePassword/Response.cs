namespace Waitlist.Features.Auth.ChangePassword;

/// <param name="Token">The new session's token when the other sessions were revoked; null otherwise.</param>
internal sealed record Response(string? Token, AuthUser User);
