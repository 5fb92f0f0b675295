using System.ComponentModel;
using System.Globalization;
using FluentValidation;

namespace Waitlist.Features.Waitlist.Admin.ListEntries;

/// <summary>The filters and a page: <c>limit</c> (1–500, 50 by default) rows after <c>offset</c>.</summary>
public sealed record Request(
    string? Type = null, string? Field = null, string? Search = null, string? From = null, string? To = null,
    string? Archived = null, string? Invited = null, string? Status = null,
    [property: Description(WaitlistTexts.LimitParameter)] string? Limit = null,
    [property: Description(WaitlistTexts.OffsetParameter)] string? Offset = null)
    : EntryFilter(Type, Field, Search, From, To, Archived, Invited, Status)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    public int PageSize => ReadNumber(Limit) ?? DefaultLimit;

    public int Skip => ReadNumber(Offset) ?? 0;

    internal static int? ReadNumber(string? value) =>
        int.TryParse(Blank(value), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
}

internal sealed class Validator : AbstractValidator<Request>
{
    public Validator()
    {
        Include(new EntryFilterValidator());
        RuleFor(r => r.Limit).Must(limit => Request.Blank(limit) is null || Request.ReadNumber(limit) is >= 1 and <= Request.MaxLimit)
            .WithErrorCode("INVALID_LIMIT").WithMessage(WaitlistTexts.LimitInvalid);
        RuleFor(r => r.Offset).Must(offset => Request.Blank(offset) is null || Request.ReadNumber(offset) is >= 0)
            .WithErrorCode("INVALID_OFFSET").WithMessage(WaitlistTexts.OffsetInvalid);
    }
}
