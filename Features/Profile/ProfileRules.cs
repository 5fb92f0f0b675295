namespace Waitlist.Features.Profile;

/// <summary>Field rules of the profile: lengths as PostgreSQL counts them, no control characters, https links only.</summary>
internal static class ProfileRules
{
    public const int MaxUrlLength = 2048;

    /// <summary>An absolute https URL with a host and no user name or password in it (no <c>https://bank.example@evil.example</c>).</summary>
    public static bool IsHttpsUrl(string value) =>
        value.Length <= MaxUrlLength
        && !value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
        && Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttps && uri.Host.Length > 0 && uri.UserInfo.Length == 0;

    /// <summary>Optional text of at most <paramref name="maxLength"/> characters, without control characters.</summary>
    public static IRuleBuilderOptions<T, string?> ProfileText<T>(this IRuleBuilder<T, string?> rule, int maxLength) =>
        rule.Must(v => v is null || PlainTextRules.Length(v) <= maxLength).WithErrorCode("TOO_LONG").WithMessage(ProfileTexts.TooLong(maxLength))
            .NoControlCharacters(ProfileTexts.NoControlCharacters);
}
