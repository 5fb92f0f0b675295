using System.Net.Mail;

namespace Waitlist.Infrastructure.Validation;

public static class EmailAddressRule
{
    public const int MaxLength = 254;

    /// <summary>
    /// A deliverable-looking address: one @, a dotted domain, no display name, spaces or quotes. FluentValidation's
    /// EmailAddress() only asks for an @, which lets "a@b" and "<x>@y" through.
    /// </summary>
    public static bool IsValid(string? value)
    {
        var email = value?.Trim();
        if (string.IsNullOrEmpty(email) || email.Length > MaxLength || email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '"' or '<' or '>' or '(' or ')' or ',' or ';' or '\\'))
            return false;
        if (!MailAddress.TryCreate(email, out var address) || address.Address != email || address.DisplayName.Length > 0)
            return false;

        var domain = address.Host;
        return domain.Contains('.') && !domain.StartsWith('.') && !domain.EndsWith('.') && !domain.Contains("..")
            && domain.Split('.')[^1].Length >= 2;
    }

    public static IRuleBuilderOptions<T, string?> ValidEmailAddress<T>(this IRuleBuilder<T, string?> rule, string code, string message) =>
        rule.Must(IsValid).WithErrorCode(code).WithMessage(message);
}
