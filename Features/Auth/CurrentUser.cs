using System.Security.Claims;

namespace Waitlist.Features.Auth;

/// <summary>The signed-in caller of this request, as the session scheme found it (one lookup, at most once per request).</summary>
public sealed record CurrentSession(string Token, AuthSession Session, AuthUser User);

/// <summary>What a feature needs to know about the signed-in caller, without touching cookies.</summary>
public static class CurrentUser
{
    /// <summary>
    /// The signed-in caller's account, however the request authenticated (every scheme of Auth sets it). Features use
    /// this; <see cref="CurrentSession"/> is for what only a browser session has (its id, its token).
    /// </summary>
    public static AuthUser? SignedInUser(this HttpContext context) => context.Features.Get<AuthUser>();

    /// <summary>For endpoints behind <c>RequireSession()</c>: the caller is there, or authorization would have answered 401.</summary>
    public static AuthUser RequiredUser(this HttpContext context) =>
        context.SignedInUser() ?? throw new InvalidOperationException("The endpoint requires authorization but no user was authenticated.");

    public const string SessionIdClaim = "session_id";

    public static string? UserId(this ClaimsPrincipal principal) => principal.FindFirstValue(ClaimTypes.NameIdentifier);

    public static string? Role(this ClaimsPrincipal principal) => principal.FindFirstValue(ClaimTypes.Role);

    /// <summary>The session and user the scheme authenticated, or null when the request is anonymous.</summary>
    public static CurrentSession? CurrentSession(this HttpContext context) => context.Features.Get<CurrentSession>();

    /// <summary>For endpoints behind <c>RequireAuthorization</c>: the session is there, or authorization would have answered 401.</summary>
    public static CurrentSession RequiredSession(this HttpContext context) =>
        context.CurrentSession() ?? throw new InvalidOperationException("The endpoint requires authorization but no session was authenticated.");
}
