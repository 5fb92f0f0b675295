namespace Waitlist.Features.Auth.Admin;

internal static class AdminRules
{
    public static IRuleBuilderOptions<T, string?> UserId<T>(this IRuleBuilderInitial<T, string?> rule) => rule.RequiredText("userId", AuthIds.MaxLength);
}

/// <summary>The body of the admin routes that name one user.</summary>
internal sealed record UserIdRequest(string? UserId);

internal sealed class UserIdValidator : AbstractValidator<UserIdRequest>
{
    public UserIdValidator() => RuleFor(r => r.UserId).UserId();
}
