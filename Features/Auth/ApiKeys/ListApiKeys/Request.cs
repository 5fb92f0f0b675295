using Microsoft.AspNetCore.Mvc;

namespace Waitlist.Features.Auth.ApiKeys.ListApiKeys;

/// <summary>
/// Better Auth's list query: every key of the caller unless limit and offset say otherwise (any whole number, 0
/// included, unlike the API's own pages), sorted as asked.
/// </summary>
internal sealed record Request : PagedQuery
{
    [FromQuery(Name = "sortBy")] public string? SortBy { get; init; }
    [FromQuery(Name = "sortDirection")] public string? SortDirection { get; init; }
}

internal sealed class Validator : AbstractValidator<Request>
{
    public Validator()
    {
        RuleFor(r => r.Limit).Must(limit => limit is null || Page.TryParse(limit, out _)).WithErrorCode(AuthTexts.ValidationError).WithMessage(AuthTexts.InvalidApiKeyListQuery);
        RuleFor(r => r.Offset).Must(offset => offset is null || Page.TryParse(offset, out _)).WithErrorCode(AuthTexts.ValidationError).WithMessage(AuthTexts.InvalidApiKeyListQuery);
        RuleFor(r => r.SortBy).Must(sortBy => sortBy is null || AuthStore.ApiKeySortColumns.ContainsKey(sortBy))
            .WithErrorCode(AuthTexts.ValidationError).WithMessage(AuthTexts.InvalidApiKeyListQuery);
        RuleFor(r => r.SortDirection).Must(direction => direction is null or "asc" or "desc")
            .WithErrorCode(AuthTexts.ValidationError).WithMessage(AuthTexts.InvalidApiKeyListQuery);
    }
}
