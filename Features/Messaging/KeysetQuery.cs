using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace Waitlist.Features.Messaging;

/// <summary>
/// The query of messaging's lists, which page by position (keyset) rather than by offset, so that what arrives while
/// someone pages neither repeats nor goes missing: <c>limit</c> items from the position each list names in its own
/// parameters. Read as text, so that a wrong value is a field error that names it.
/// </summary>
internal abstract record KeysetQuery
{
    public const int MaxLimit = 100;

    [FromQuery(Name = "limit"), Description(CommonTexts.LimitParameter)] public string? Limit { get; init; }

    /// <summary>
    /// One page: <paramref name="read"/> is asked for one row past the limit, which tells whether another page follows;
    /// the next page then starts after the <paramref name="position"/> of this one's last row.
    /// </summary>
    public async Task<(List<T> Items, string? NextCursor)> ReadPageAsync<T>(int defaultLimit, Func<int, Task<IReadOnlyList<T>>> read, Func<T, long> position)
    {
        var limit = Page.From(Limit, null, defaultLimit).Limit;
        var rows = await read(limit + 1);
        var items = rows.Take(limit).ToList();
        return (items, rows.Count > limit ? position(items[^1]).ToString(CultureInfo.InvariantCulture) : null);
    }
}

internal static class KeysetQueryRules
{
    /// <summary>The <c>limit</c> of a <see cref="KeysetQuery"/>: 1 to <see cref="KeysetQuery.MaxLimit"/>.</summary>
    public static void RuleForLimit<T>(this AbstractValidator<T> validator) where T : KeysetQuery =>
        validator.RuleFor(r => r.Limit).PageLimit(KeysetQuery.MaxLimit);
}
