namespace Waitlist.Features.Auth.AdminViews.EditUser;

/// <summary>What to change; a field left out (or null) stays as it is.</summary>
/// <param name="Banned">true suspends the account (and ends its sessions), false lifts a suspension.</param>
/// <param name="BanReason">With <c>banned: true</c> only.</param>
/// <param name="BanExpires">With <c>banned: true</c> only: when the suspension ends; without it, it never does.</param>
internal sealed record Request(string? Name = null, string? Role = null, bool? Banned = null, string? BanReason = null, DateTimeOffset? BanExpires = null)
{
    public const int MaxBanReasonLength = 500;
    public static readonly TimeSpan LongestBan = TimeSpan.FromDays(100 * 365);
}

internal sealed class Validator : AbstractValidator<Request>
{
    public Validator(TimeProvider time)
    {
        RuleFor(r => r.Name).Cascade(CascadeMode.Stop)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithErrorCode("REQUIRED").WithMessage(AuthTexts.NameRequiredText)
            .Must(n => PlainTextRules.Length(n!) <= AuthRules.MaxTextLength).WithErrorCode("TOO_LONG").WithMessage(AuthTexts.NameTooLongText)
            .NoControlCharacters(AuthTexts.NoControlCharactersText)
            .When(r => r.Name is not null);
        RuleFor(r => r.Role).Role();
        RuleFor(r => r.BanReason).Cascade(CascadeMode.Stop)
            .Must(reason => PlainTextRules.Length(reason!) <= Request.MaxBanReasonLength).WithErrorCode("TOO_LONG").WithMessage(AuthTexts.BanReasonTooLongText)
            .NoControlCharacters(AuthTexts.NoControlCharactersText)
            .When(r => r.BanReason is not null);
        RuleFor(r => r.BanExpires)
            .Must(end => end > time.GetUtcNow() && end < time.GetUtcNow() + Request.LongestBan).WithErrorCode("INVALID_DATE").WithMessage(AuthTexts.BanExpiresInvalidText)
            .When(r => r.BanExpires is not null);
        RuleFor(r => r.Banned)
            .Must(banned => banned == true).WithErrorCode("BAN_DETAILS_WITHOUT_BAN").WithMessage(AuthTexts.BanDetailsWithoutBanText)
            .When(r => r.BanReason is not null || r.BanExpires is not null);
    }
}
