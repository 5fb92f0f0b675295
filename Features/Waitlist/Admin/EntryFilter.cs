using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace Waitlist.Features.Waitlist.Admin;

/// <summary>
/// The admin views' filters, as the query string carries them (list and export share them); every one optional, all
/// combined. <see cref="EntryFilterValidator"/> refuses what does not read, so <see cref="Parameters"/> never meets it.
/// </summary>
public record EntryFilter
{
    [FromQuery(Name = "type"), Description(WaitlistTexts.TypeFilterParameter)] public string? Type { get; init; }
    [FromQuery(Name = "field"), Description(WaitlistTexts.FieldFilterParameter)] public string? Field { get; init; }
    [FromQuery(Name = "search"), Description(WaitlistTexts.SearchParameter)] public string? Search { get; init; }
    [FromQuery(Name = "from"), Description(WaitlistTexts.FromParameter)] public string? From { get; init; }
    [FromQuery(Name = "to"), Description(WaitlistTexts.ToParameter)] public string? To { get; init; }
    [FromQuery(Name = "archived"), Description(WaitlistTexts.ArchivedParameter)] public string? Archived { get; init; }
    [FromQuery(Name = "invited"), Description(WaitlistTexts.InvitedParameter)] public string? Invited { get; init; }
    [FromQuery(Name = "status"), Description(WaitlistTexts.StatusParameter)] public string? Status { get; init; }

    public const int MaxSearchLength = 200;

    /// <summary>The filters as SQL over <c>waitlist_entries e</c>; a filter left out (null) lets every row through.</summary>
    public const string WhereSql = """
        (@Type::text IS NULL OR e.type = @Type)
        AND (@Field::text IS NULL OR lower(btrim(e.field)) = lower(btrim(@Field)))
        AND (@Search::text IS NULL OR e.email ILIKE @Search OR e.name ILIKE @Search OR e.company ILIKE @Search OR e.field ILIKE @Search)
        AND (@From::timestamptz IS NULL OR e.created_at >= @From)
        AND (@To::timestamptz IS NULL OR e.created_at < @To)
        AND (@Archived::boolean IS NULL OR (e.archived_at IS NOT NULL) = @Archived)
        AND (@Invited::boolean IS NULL OR (e.invited_at IS NOT NULL) = @Invited)
        AND (@Status::text IS NULL OR e.status = @Status)
        """;

    /// <summary>The parameters of <see cref="WhereSql"/>: a date without a time reaches to the end of that day for <c>to</c>.</summary>
    public object Parameters() => new
    {
        Type = Blank(Type),
        Field = Blank(Field),
        Search = Blank(Search) is { } search ? $"%{EscapeLike(search)}%" : null,
        From = ReadTime(From, endOfDay: false),
        To = ReadTime(To, endOfDay: true),
        Archived = ReadBoolean(Archived),
        Invited = ReadBoolean(Invited),
        Status = Blank(Status),
    };

    internal static bool IsTime(string? value) => Blank(value) is null || ReadTime(value, endOfDay: false) is not null;

    internal static bool IsBoolean(string? value) => Blank(value) is null || ReadBoolean(value) is not null;

    internal static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>A day (AAAA-MM-DD, UTC) or an ISO 8601 instant (UTC unless it names its offset).</summary>
    internal static DateTimeOffset? ReadTime(string? value, bool endOfDay)
    {
        if (Blank(value) is not { } text)
            return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(endOfDay ? 1 : 0);
        return DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK"], CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal, out var instant) ? instant : null;
    }

    private static bool? ReadBoolean(string? value) => Blank(value)?.ToLowerInvariant() switch
    {
        "true" => true,
        "false" => false,
        _ => null,
    };

    private static string EscapeLike(string value) => value.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");
}

internal sealed class EntryFilterValidator : AbstractValidator<EntryFilter>
{
    public EntryFilterValidator()
    {
        RuleFor(f => f.Type).Must(t => EntryFilter.Blank(t) is null or JoinWaitlist.Request.Professional or JoinWaitlist.Request.Empresa)
            .WithErrorCode("INVALID_TYPE").WithMessage(WaitlistTexts.TypeFilterInvalid);
        RuleFor(f => f.Status).Must(s => EntryFilter.Blank(s) is null or WaitlistQueue.Pending or WaitlistQueue.Confirmed)
            .WithErrorCode("INVALID_STATUS").WithMessage(WaitlistTexts.StatusFilterInvalid);
        RuleFor(f => f.Search).Must(s => s is null || s.Length <= EntryFilter.MaxSearchLength)
            .WithErrorCode("TOO_LONG").WithMessage(WaitlistTexts.SearchTooLong);
        RuleFor(f => f.From).Must(EntryFilter.IsTime).WithErrorCode("INVALID_DATE").WithMessage(WaitlistTexts.DateInvalid);
        RuleFor(f => f.To).Must(EntryFilter.IsTime).WithErrorCode("INVALID_DATE").WithMessage(WaitlistTexts.DateInvalid);
        RuleFor(f => f.To)
            .Must((filter, to) => EntryFilter.ReadTime(filter.From, endOfDay: false) < EntryFilter.ReadTime(to, endOfDay: true))
            .WithErrorCode("INVALID_RANGE").WithMessage(WaitlistTexts.DateRangeInvalid)
            .When(f => EntryFilter.ReadTime(f.From, endOfDay: false) is not null && EntryFilter.ReadTime(f.To, endOfDay: true) is not null);
        RuleFor(f => f.Archived).Must(EntryFilter.IsBoolean).WithErrorCode("INVALID_BOOLEAN").WithMessage(WaitlistTexts.BooleanInvalid);
        RuleFor(f => f.Invited).Must(EntryFilter.IsBoolean).WithErrorCode("INVALID_BOOLEAN").WithMessage(WaitlistTexts.BooleanInvalid);
    }
}
