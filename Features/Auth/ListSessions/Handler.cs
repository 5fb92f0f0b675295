namespace Waitlist.Features.Auth.ListSessions;

/// <summary>The caller's live sessions; the current one shows its token, the others their id.</summary>
internal sealed class Handler(AuthStore store) : IHandler
{
    public async Task<Ok<List<SessionView>>> HandleAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var current = context.RequiredSession();
        var sessions = await store.ListSessionsAsync(current.User.Id, cancellationToken);
        return TypedResults.Ok(sessions.Select(s => SessionView.From(s, s.Id == current.Session.Id ? current.Token : s.Id)).ToList());
    }
}
