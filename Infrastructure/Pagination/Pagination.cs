using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace Waitlist.Infrastructure.Pagination;

/// <summary>
/// The block every paged list answers beside its items: how many match in all, the page asked for, and whether a
/// further page exists.
/// </summary>
public sealed record Pagination(long Total, int Limit, int Offset, bool HasMore)
{
    public static Pagination Of(Page page, long total) => new(total, page.Limit, page.Offset, (long)page.Offset + page.Limit < total);
}

/// <summary>One page of a list: at most <paramref name="Limit"/> items, after skipping <paramref name="Offset"/>.</summary>
public sealed record Page(int Limit, int Offset)
{
    /// <summary>
    /// The page a request's <c>limit</c> and <c>offset</c> name, read as text (so a wrong value is a field error the
    /// validator words, not a binding failure): <see cref="PaginationRules"/> has checked them already.
    /// </summary>
    public static Page From(string? limit, string? offset, int defaultLimit) =>
        new(limit is null ? defaultLimit : Parse(limit), offset is null ? 0 : Parse(offset));

    internal static bool TryParse(string value, out int number) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out number);

    private static int Parse(string value) => TryParse(value, out var number)
        ? number
        : throw new InvalidOperationException("The page was not validated before it was read.");
}

/// <summary>
/// The query string of a list answered a page at a time: a use case's request derives from it, adds its own filters and
/// validates the page with <see cref="PaginationRules.RuleForPage{T}"/>. Read as text, so that each wrong value is a
/// field error that names it rather than a binding failure.
/// </summary>
public abstract record PagedQuery
{
    [FromQuery(Name = "limit"), Description(CommonTexts.LimitParameter)] public string? Limit { get; init; }
    [FromQuery(Name = "offset"), Description(CommonTexts.OffsetParameter)] public string? Offset { get; init; }

    /// <summary>The page asked for, once validated: <paramref name="defaultLimit"/> items from the start unless it says otherwise.</summary>
    public Page ToPage(int defaultLimit) => Page.From(Limit, Offset, defaultLimit);
}

public static class PaginationRules
{
    /// <summary>The page of a <see cref="PagedQuery"/>: <see cref="PageLimit{T}"/> up to <paramref name="maxLimit"/>, and <see cref="PageOffset{T}"/>.</summary>
    public static void RuleForPage<T>(this AbstractValidator<T> validator, int maxLimit) where T : PagedQuery
    {
        validator.RuleFor(r => r.Limit).PageLimit(maxLimit);
        validator.RuleFor(r => r.Offset).PageOffset();
    }

    /// <summary>An optional <c>limit</c>: a whole number from 1 to <paramref name="max"/>.</summary>
    public static IRuleBuilderOptions<T, string?> PageLimit<T>(this IRuleBuilder<T, string?> rule, int max) =>
        rule.Must(value => value is null || (Page.TryParse(value, out var limit) && limit is >= 1 && limit <= max))
            .WithErrorCode("INVALID_LIMIT").WithMessage(CommonTexts.InvalidLimit(max));

    /// <summary>An optional <c>offset</c>: a whole number, 0 or more.</summary>
    public static IRuleBuilderOptions<T, string?> PageOffset<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(value => value is null || Page.TryParse(value, out _))
            .WithErrorCode("INVALID_OFFSET").WithMessage(CommonTexts.InvalidOffset);
}
