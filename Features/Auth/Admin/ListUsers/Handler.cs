namespace Waitlist.Features.Auth.Admin.ListUsers;

/// <summary>
/// Turns the plugin's query into a <see cref="UserQuery"/>: columns only from the store's whitelist, every value a
/// parameter; anything it cannot read is a 400.
/// </summary>
internal sealed class Handler(AuthStore store) : IHandler
{
    public const int MaxLimit = 500;

    private static readonly ErrorKind InvalidQuery = new(400, AuthTexts.ValidationError, AuthTexts.InvalidQuery);
    private static readonly HashSet<string> TimeColumns = ["created_at", "updated_at"];
    private static readonly HashSet<string> BoolColumns = ["banned", "email_verified"];

    public async Task<Results<Ok<Response>, ErrorResult>> HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var query = Parse(request);
        if (query is null)
            return ErrorResponses.Result(InvalidQuery);
        var (users, total) = await store.ListUsersAsync(query, cancellationToken);
        return TypedResults.Ok(new Response(users, total, request.Limit is null ? null : query.Page.Limit, request.Offset is null ? null : query.Page.Offset));
    }

    private static UserQuery? Parse(Request request)
    {
        string? searchColumn = null, searchPattern = null;
        if (!string.IsNullOrEmpty(request.SearchValue))
        {
            searchColumn = request.SearchField ?? "email";
            if (searchColumn is not ("email" or "name" or "username"))
                return null;
            var escaped = AuthStore.EscapeLike(request.SearchValue);
            searchPattern = (request.SearchOperator ?? "contains") switch
            {
                "contains" => AuthStore.ContainsPattern(request.SearchValue),
                "starts_with" => $"{escaped}%",
                "ends_with" => $"%{escaped}",
                _ => null,
            };
            if (searchPattern is null)
                return null;
        }

        string? filterColumn = null, filterOperator = null;
        object? filterValue = null;
        if (!string.IsNullOrEmpty(request.FilterField))
        {
            if (!AuthStore.UserQueryColumns.TryGetValue(request.FilterField, out filterColumn) || request.FilterValue is null)
                return null;
            filterOperator = (request.FilterOperator ?? "eq") switch
            {
                "eq" => "=", "ne" => "<>", "lt" => "<", "lte" => "<=", "gt" => ">", "gte" => ">=", "contains" => "ILIKE", _ => null,
            };
            filterValue = filterOperator switch
            {
                null => null,
                "ILIKE" => AuthStore.ContainsPattern(request.FilterValue),
                _ when TimeColumns.Contains(filterColumn) =>
                    DateTimeOffset.TryParse(request.FilterValue, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time.UtcDateTime : null,
                _ when BoolColumns.Contains(filterColumn) =>
                    bool.TryParse(request.FilterValue, out var flag) && filterOperator is "=" or "<>" ? flag : null,
                _ => request.FilterValue,
            };
            if (filterValue is null)
                return null;
        }

        var limit = MaxLimit;
        if (request.Limit is not null && (!int.TryParse(request.Limit, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit > MaxLimit))
            return null;
        var offset = 0;
        if (request.Offset is not null && !int.TryParse(request.Offset, NumberStyles.None, CultureInfo.InvariantCulture, out offset))
            return null;

        var sortColumn = "created_at";
        if (request.SortBy is not null && !AuthStore.UserQueryColumns.TryGetValue(request.SortBy, out sortColumn))
            return null;
        bool? descending = (request.SortDirection ?? "asc").ToLowerInvariant() switch { "asc" => false, "desc" => true, _ => null };
        if (descending is null)
            return null;

        return new UserQuery(searchColumn is null ? [] : [searchColumn], searchPattern, filterColumn, filterOperator, filterValue,
            sortColumn!, descending.Value, new Page(limit, offset));
    }
}
