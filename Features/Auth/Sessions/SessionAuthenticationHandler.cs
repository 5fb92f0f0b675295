using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Waitlist.Features.Auth.Callers;

namespace Waitlist.Features.Auth.Sessions;

/// <summary>
/// The authentication scheme every feature relies on: reads Better Auth's signed session cookie and looks the session
/// and its user up (<see cref="AuthStore.FindSessionAsync"/>). A tampered, expired or revoked cookie, or a banned
/// user, is simply no session; the request is then anonymous, and a stale cookie is cleared where it is refused.
/// </summary>
internal sealed class SessionAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions, ILoggerFactory logger, UrlEncoder encoder,
    SessionCookies cookies, AuthStore store)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    public const string SchemeName = "BetterAuthSession";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = cookies.ReadSessionToken(Request);
        if (token is null)
            return AuthenticateResult.NoResult();

        var found = await store.FindSessionAsync(token, Context.RequestAborted);
        if (found is null)
        {
            Context.Features.Set(new StaleSessionCookie());
            return AuthenticateResult.NoResult();
        }

        Context.Features.Set(found);
        Context.Features.Set(found.User);
        var principal = CallerSchemes.Principal(found.User, SchemeName, new Claim(CurrentUser.SessionIdClaim, found.Session.Id));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}

/// <summary>Set when the request carried a well-signed cookie naming no live session (revoked, expired, banned).</summary>
internal sealed record StaleSessionCookie;
