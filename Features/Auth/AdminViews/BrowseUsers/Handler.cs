namespace Waitlist.Features.Auth.AdminViews.BrowseUsers;

/// <summary>Newest accounts first, filtered by role, by a ban in force and by text in the address, name or username.</summary>
internal sealed class Handler(AuthStore store) : IHandler
{
    public const int DefaultLimit = 50;

    private static readonly string[] SearchColumns = ["email", "name", "username"];

    public async Task<Ok<Response>> HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var page = request.ToPage(DefaultLimit);
        var search = string.IsNullOrWhiteSpace(request.Search) ? null : AuthStore.ContainsPattern(request.Search.Trim());
        var query = new UserQuery(SearchColumns, search, null, null, null, "created_at", Descending: true, page)
        {
            Role = request.Role,
            BannedNow = QueryFlagRule.Value(request.Banned),
        };
        var (users, total) = await store.ListUsersAsync(query, cancellationToken);
        return TypedResults.Ok(new Response(users, Pagination.Of(page, total)));
    }
}
