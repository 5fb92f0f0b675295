namespace Waitlist.Features.Auth.AdminViews.BrowseApiKeys;

/// <summary>Newest keys first, everyone's or one user's, with their owners.</summary>
internal sealed class Handler(AuthStore store) : IHandler
{
    public const int DefaultLimit = 100;

    public async Task<Ok<Response>> HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var page = request.ToPage(DefaultLimit);
        var (keys, total) = await store.QueryApiKeysAsync(new ApiKeyQuery(request.UserId, QueryFlagRule.Value(request.Enabled), page), cancellationToken);
        return TypedResults.Ok(new Response([.. keys.Select(AdminApiKey.From)], Pagination.Of(page, total)));
    }
}
