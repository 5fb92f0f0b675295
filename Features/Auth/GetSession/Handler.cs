using Waitlist.Features.Auth.Sessions;

namespace Waitlist.Features.Auth.GetSession;

/// <summary>
/// The session the scheme authenticated (no second lookup), slid forward to 7 days from now once it is more than a day
/// old — Better Auth's expiresIn / updateAge — with a fresh cookie. A "rememberMe: false" session does not slide.
/// </summary>
internal sealed class Handler(AuthStore store, SessionCookies cookies) : IHandler
{
    public async Task<Results<Ok<Response>, ContentHttpResult>> HandleAsync(HttpContext context, CancellationToken cancellationToken)
    {
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.Pragma = "no-cache";
        var current = context.CurrentSession();
        if (current is null)
        {
            if (context.Features.Get<StaleSessionCookie>() is not null)
                cookies.Clear(context.Response);
            // Better Auth answers a JSON null, not an empty body, when there is no session.
            return TypedResults.Content("null", "application/json");
        }

        var session = current.Session;
        if (session.RememberMe && session.ExpiresAt - SessionIssuer.Lifetime + SessionIssuer.UpdateAge <= DateTime.UtcNow)
        {
            session = await store.ExtendSessionAsync(session.Id, SessionIssuer.Lifetime, cancellationToken) ?? session;
            cookies.WriteSession(context.Response, current.Token, rememberMe: true);
        }
        return TypedResults.Ok(new Response(SessionView.From(session, current.Token), current.User));
    }
}
