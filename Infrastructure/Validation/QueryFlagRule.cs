namespace Waitlist.Infrastructure.Validation;

/// <summary>
/// An optional yes/no filter of a query string (<c>?active=true</c>), read as text so that a wrong value is a field
/// error naming it rather than a binding failure.
/// </summary>
public static class QueryFlagRule
{
    public static IRuleBuilderOptions<T, string?> QueryFlag<T>(this IRuleBuilder<T, string?> rule, string name) =>
        rule.Must(value => value is null || bool.TryParse(value, out _)).WithErrorCode("INVALID_FLAG").WithMessage(CommonTexts.InvalidFlag(name));

    /// <summary>The flag's value once <see cref="QueryFlag{T}"/> has accepted it; null when it was not given.</summary>
    public static bool? Value(string? text) => text is null ? null : bool.Parse(text);
}
