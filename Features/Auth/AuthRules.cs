using Waitlist.Features.Auth.Sessions;

namespace Waitlist.Features.Auth;

/// <summary>Field rules shared by the use cases, with Better Auth's codes and Spanish messages.</summary>
internal static class AuthRules
{
    public const int MinPasswordLength = 8;
    public const int MaxPasswordLength = 128;
    public const int MinUsernameLength = 3;
    public const int MaxUsernameLength = 30;
    public const int MaxTextLength = 256;
    public const int MaxUrlLength = 2048;

    public static IRuleBuilderOptions<T, string?> RequiredText<T>(this IRuleBuilderInitial<T, string?> rule, string field, int maxLength = MaxTextLength) =>
        rule.Cascade(CascadeMode.Stop)
            .NotNull().WithErrorCode(AuthTexts.ValidationError).WithMessage(AuthTexts.Required(field))
            .Must(v => v!.Length <= maxLength).WithErrorCode(AuthTexts.ValidationError).WithMessage(AuthTexts.TooLong(field));

    /// <summary>
    /// A person's name, or any text of theirs that reaches an email or a screen: no control characters, so nobody can
    /// write a line break (a forged line of a plain-text email) or an escape sequence into what others read.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> Name<T>(this IRuleBuilderInitial<T, string?> rule, string field) =>
        rule.RequiredText(field).NoControlCharacters(AuthTexts.ControlCharacters(field)).WithErrorCode(AuthTexts.ValidationError);

    /// <summary>Optional free text: at most <paramref name="maxLength"/> characters, none of them a control character.</summary>
    public static IRuleBuilderOptions<T, string?> OptionalText<T>(this IRuleBuilderInitial<T, string?> rule, string field, int maxLength = MaxTextLength) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(v => v is null || v.Length <= maxLength).WithErrorCode(AuthTexts.ValidationError).WithMessage(AuthTexts.TooLong(field))
            .NoControlCharacters(AuthTexts.ControlCharacters(field)).WithErrorCode(AuthTexts.ValidationError);

    /// <summary>Length only, on the raw string, before anything is hashed.</summary>
    public static IRuleBuilderOptions<T, string?> Password<T>(this IRuleBuilderInitial<T, string?> rule, string field) =>
        rule.Cascade(CascadeMode.Stop)
            .NotNull().WithErrorCode(AuthTexts.ValidationError).WithMessage(AuthTexts.Required(field))
            .Must(p => p!.Length >= MinPasswordLength).WithErrorCode(AuthTexts.PasswordTooShortCode).WithMessage(AuthTexts.PasswordTooShort)
            .Must(p => p!.Length <= MaxPasswordLength).WithErrorCode(AuthTexts.PasswordTooLongCode).WithMessage(AuthTexts.PasswordTooLong);

    /// <summary>An optional username: 3–30 of letters, digits, underscore and dot (the username plugin's default).</summary>
    public static IRuleBuilderOptions<T, string?> Username<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(u => u is null || u.Length >= MinUsernameLength).WithErrorCode(AuthTexts.UsernameTooShortCode).WithMessage(AuthTexts.UsernameTooShort)
            .Must(u => u is null || u.Length <= MaxUsernameLength).WithErrorCode(AuthTexts.UsernameTooLongCode).WithMessage(AuthTexts.UsernameTooLong)
            .Must(u => u is null || u.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.')).WithErrorCode(AuthTexts.InvalidUsernameCode).WithMessage(AuthTexts.InvalidUsername);

    public static IRuleBuilderOptions<T, string?> Email<T>(this IRuleBuilderInitial<T, string?> rule, string code, string message) =>
        rule.Cascade(CascadeMode.Stop)
            .NotNull().WithErrorCode(AuthTexts.ValidationError).WithMessage(AuthTexts.Required("email"))
            .ValidEmailAddress(code, message);

    public static IRuleBuilderOptions<T, string?> Role<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.Must(r => r is null || AuthRoles.All.Contains(r)).WithErrorCode(AuthTexts.InvalidRoleCode).WithMessage(AuthTexts.InvalidRole);

    /// <summary>
    /// An optional callbackURL / redirectTo: a same-site path or a URL on a trusted origin (<see cref="TrustedOrigins.IsTrustedRedirect"/>).
    /// Anything else answers <paramref name="error"/> (Better Auth's 403), so the API never sends a browser off-site.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> TrustedRedirect<T>(this IRuleBuilderInitial<T, string?> rule, TrustedOrigins origins, ErrorKind error) =>
        rule.Must(url => url is null || (url.Length <= MaxUrlLength && origins.IsTrustedRedirect(url))).WithError(error);
}
