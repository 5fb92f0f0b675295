namespace Waitlist.Features.Auth.RequestPasswordReset;

internal sealed record Response(bool Status, string Message);
