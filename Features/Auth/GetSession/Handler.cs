using Dapper;
using Npgsql;
using Waitlist.Infrastructure.Auth;
using Waitlist.Infrastructure.Endpoints;

namespace Waitlist.Features.Auth.GetSession;

/// <summary>
/// The session the scheme authenticated (no second lookup), slid forward to 7 days from now once it is more than a day
/// old — Better Auth's expiresIn / updateAge — with a fresh cookie. A "rememberMe: false" session does not slide.
/// </summary>
public sealed class Handler(NpgsqlDataSource dataSource, SessionCookies cookies) : IHandler
{
    private static readonly string RefreshSql = $"""
        UPDATE sessions s SET expires_at = now() + @Lifetime, updated_at = now()
        WHERE s.id = @Id
        RETURNING {AuthSession.Columns("s")}
        """;

    public async Task<Response?> HandleAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var current = context.CurrentSession();
        if (current is null)
        {
            if (context.Features.Get<StaleSessionCookie>() is not null)
                cookies.Clear(context.Response);
            return null;
        }

        var session = current.Session;
        if (session.RememberMe && session.ExpiresAt - AuthSessions.Lifetime + AuthSessions.UpdateAge <= DateTime.UtcNow)
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            session = await connection.QuerySingleOrDefaultAsync<AuthSession>(new CommandDefinition(
                RefreshSql, new { Lifetime = AuthSessions.Lifetime, session.Id }, cancellationToken: cancellationToken)) ?? session;
            cookies.WriteSession(context.Response, current.Token, rememberMe: true);
        }
        return new Response(SessionView.From(session, current.Token), current.User);
    }
}
