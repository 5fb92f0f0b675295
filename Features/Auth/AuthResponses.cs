namespace Waitlist.Features.Auth;

/// <summary>A session as Better Auth's JSON shows it. <c>token</c> is the caller's own token for the current session
/// and the session id for the others: only hashes of tokens are stored, and revoke-session accepts either.</summary>
internal sealed record SessionView(
    DateTime ExpiresAt, string Token, DateTime CreatedAt, DateTime UpdatedAt, string? IpAddress, string? UserAgent,
    string UserId, string? ImpersonatedBy, string Id)
{
    public static SessionView From(AuthSession session, string token) => new(
        session.ExpiresAt, token, session.CreatedAt, session.UpdatedAt, session.IpAddress, session.UserAgent,
        session.UserId, session.ImpersonatedBy, session.Id);
}

/// <summary>The answer of sign-up and both sign-ins. <c>token</c> is null when no session was opened.</summary>
internal sealed record SignedInResponse(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Redirect,
    string? Token,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Url,
    AuthUser User);

internal sealed record StatusResponse(bool Status);

internal sealed record SuccessResponse(bool Success);

internal sealed record UserResponse(AuthUser User);

internal sealed record OkResponse(bool Ok);
