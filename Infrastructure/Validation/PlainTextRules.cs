namespace Waitlist.Infrastructure.Validation;

/// <summary>
/// Rules for free text that PostgreSQL stores: lengths counted as PostgreSQL counts them (code points, so an
/// emoji is one character, not two UTF-16 units) and no control characters (PostgreSQL rejects NUL outright).
/// </summary>
public static class PlainTextRules
{
    /// <summary>The trimmed value's length in Unicode code points, as PostgreSQL's length() counts it.</summary>
    public static int Length(string value) => value.Trim().EnumerateRunes().Count();

    public static bool HasNoControlCharacters(string? value) => value is null || !value.Any(char.IsControl);

    public static IRuleBuilderOptions<T, string?> NoControlCharacters<T>(this IRuleBuilder<T, string?> rule, string message) =>
        rule.Must(HasNoControlCharacters).WithErrorCode("CONTROL_CHARACTERS").WithMessage(message);
}
