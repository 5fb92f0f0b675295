namespace Waitlist.Features.Auth.AdminViews.BrowseApiKeys;

internal sealed record Response(IReadOnlyList<AdminApiKey> ApiKeys, Pagination Pagination);
