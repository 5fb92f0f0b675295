using System.Security.Claims;
using System.Text.Encodings.Web;
using Dapper;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Waitlist.Infrastructure.Auth;

/// <summary>
/// The authentication scheme every feature relies on: reads Better Auth's signed session cookie and looks the session
/// and its user up in one indexed query (the unique index on <c>sessions.token_hash</c>, then the users primary key).
/// No cache: a revoked session or a ban takes effect on the very next request, and the lookup costs well under a
/// millisecond. A tampered, expired or revoked cookie, or a banned user, is simply no session.
/// </summary>
public sealed class SessionAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions, ILoggerFactory logger, UrlEncoder encoder,
    SessionCookies cookies, NpgsqlDataSource dataSource)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    public const string SchemeName = "BetterAuthSession";

    private static readonly string LookupSql = $"""
        SELECT {AuthSession.Columns("s")}, {AuthUser.Columns("u")}
        FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = @Hash AND s.expires_at > now()
          AND NOT (u.banned AND (u.ban_expires IS NULL OR u.ban_expires > now()))
        """;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = cookies.ReadSessionToken(Request);
        if (token is null)
            return AuthenticateResult.NoResult();

        await using var connection = await dataSource.OpenConnectionAsync(Context.RequestAborted);
        var found = (await connection.QueryAsync<AuthSession, AuthUser, CurrentSession>(
            new CommandDefinition(LookupSql, new { Hash = SessionCookies.Hash(token) }, cancellationToken: Context.RequestAborted),
            (session, user) => new CurrentSession(token, session, user), splitOn: "name")).SingleOrDefault();
        if (found is null)
        {
            Context.Features.Set(new StaleSessionCookie());
            return AuthenticateResult.NoResult();
        }

        Context.Features.Set(found);
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, found.User.Id),
            new Claim(ClaimTypes.Email, found.User.Email),
            new Claim(ClaimTypes.Name, found.User.Name),
            new Claim(ClaimTypes.Role, found.User.Role),
            new Claim(CurrentUser.SessionIdClaim, found.Session.Id),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}

/// <summary>Set when the request carried a well-signed cookie naming no live session (revoked, expired, banned).</summary>
public sealed record StaleSessionCookie;
