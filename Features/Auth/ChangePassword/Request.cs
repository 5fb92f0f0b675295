namespace Waitlist.Features.Auth.ChangePassword;

internal sealed record Request(string? CurrentPassword, string? NewPassword, bool? RevokeOtherSessions);

internal sealed class Validator : AbstractValidator<Request>
{
    public Validator()
    {
        RuleFor(r => r.NewPassword).Password("newPassword");
        RuleFor(r => r.CurrentPassword).RequiredText("currentPassword");
    }
}
