using Waitlist.Features.Auth.Sessions;

namespace Waitlist.Features.Auth.RevokeSessions;

/// <summary>Ends every session of the caller: all of them (and the cookie), or all but the current one.</summary>
internal sealed class Handler(AuthStore store, SessionCookies cookies) : IHandler
{
    public async Task<Ok<StatusResponse>> HandleAsync(bool keepCurrent, HttpContext context, CancellationToken cancellationToken)
    {
        var current = context.RequiredSession();
        await store.DeleteSessionsAsync(current.User.Id, keepCurrent ? current.Session.Id : null, cancellationToken);
        if (!keepCurrent)
            cookies.Clear(context.Response);
        return TypedResults.Ok(new StatusResponse(true));
    }
}
