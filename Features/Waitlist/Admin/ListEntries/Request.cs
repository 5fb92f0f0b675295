using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace Waitlist.Features.Waitlist.Admin.ListEntries;

/// <summary>The filters and a page: <c>limit</c> (1–500, 50 by default) rows after <c>offset</c>.</summary>
public sealed record Request : EntryFilter
{
    [FromQuery(Name = "limit"), Description(WaitlistTexts.LimitParameter)] public string? Limit { get; init; }
    [FromQuery(Name = "offset"), Description(WaitlistTexts.OffsetParameter)] public string? Offset { get; init; }

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
