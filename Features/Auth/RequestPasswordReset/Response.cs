namespace Waitlist.Features.Auth.RequestPasswordReset;

public sealed record Response(bool Status, string Message);
