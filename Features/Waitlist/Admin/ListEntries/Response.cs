namespace Waitlist.Features.Waitlist.Admin.ListEntries;

public sealed record Response(IReadOnlyList<AdminEntry> Entries, Pagination Pagination);

/// <param name="Total">Entries that match the filters, on every page.</param>
/// <param name="HasMore">Whether a page after this one holds entries.</param>
public sealed record Pagination(long Total, int Limit, int Offset, bool HasMore);
