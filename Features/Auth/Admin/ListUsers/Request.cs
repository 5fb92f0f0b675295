namespace Waitlist.Features.Auth.Admin.ListUsers;

/// <summary>The admin plugin's listUsers query, read from the query string.</summary>
internal sealed record Request(
    string? SearchValue, string? SearchField, string? SearchOperator,
    string? Limit, string? Offset, string? SortBy, string? SortDirection,
    string? FilterField, string? FilterValue, string? FilterOperator);
