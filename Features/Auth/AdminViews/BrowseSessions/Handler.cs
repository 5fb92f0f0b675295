namespace Waitlist.Features.Auth.AdminViews.BrowseSessions;

/// <summary>Newest sessions first, everyone's or one user's; shown by id (only hashes of tokens are stored).</summary>
internal sealed class Handler(AuthStore store) : IHandler
{
    public const int DefaultLimit = 100;

    public async Task<Ok<Response>> HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var page = request.ToPage(DefaultLimit);
        var (sessions, total) = await store.QuerySessionsAsync(new SessionQuery(request.UserId, QueryFlagRule.Value(request.Active), page), cancellationToken);
        return TypedResults.Ok(new Response(sessions, Pagination.Of(page, total)));
    }
}
