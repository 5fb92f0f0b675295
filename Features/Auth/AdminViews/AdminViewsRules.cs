namespace Waitlist.Features.Auth.AdminViews;

/// <summary>What the admin views' queries share: the largest page, and the filter by account.</summary>
internal static class AdminViewsRules
{
    /// <summary>The most rows one page of an admin list holds.</summary>
    public const int MaxLimit = 500;

    /// <summary>An optional <c>userId</c>: an account id (INVALID_ID otherwise), never looked up before it is well formed.</summary>
    public static IRuleBuilderOptions<T, string?> UserIdFilter<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.Must(id => id is null || AuthIds.IsWellFormed(id)).WithErrorCode("INVALID_ID").WithMessage(AuthTexts.UserIdInvalidText);
}
