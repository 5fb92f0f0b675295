namespace Waitlist.Features.Auth.ApiKeys;

/// <summary>The api-key plugin's rules on what a client may set, with its codes and Spanish messages.</summary>
internal static class ApiKeyRules
{
    public const int MaxNameLength = 32;
    public const int MinExpiresInSeconds = 24 * 60 * 60;
    public const int MaxExpiresInSeconds = 365 * 24 * 60 * 60;

    /// <summary>An optional name: 1 to 32 characters, none a control character (the admin views show it).</summary>
    public static IRuleBuilderOptions<T, string?> KeyName<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(name => name is null || name.Length is >= 1 and <= MaxNameLength).WithError(AuthTexts.InvalidApiKeyNameLength)
            .NoControlCharacters(AuthTexts.ControlCharacters("name")).WithErrorCode(AuthTexts.ValidationError);

    /// <summary>An optional lifetime in seconds: a number of 1 or more (Better Auth's schema), then from a day to a year.</summary>
    public static IRuleBuilderOptions<T, double?> ExpiresIn<T>(this IRuleBuilderInitial<T, double?> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(seconds => seconds is null || (double.IsFinite(seconds.Value) && seconds >= 1)).WithErrorCode(AuthTexts.ValidationError).WithMessage(AuthTexts.InvalidExpiresIn)
            .Must(seconds => seconds is null || seconds >= MinExpiresInSeconds).WithError(AuthTexts.ExpiresInTooSmall)
            .Must(seconds => seconds is null || seconds <= MaxExpiresInSeconds).WithError(AuthTexts.ExpiresInTooLarge);
}
