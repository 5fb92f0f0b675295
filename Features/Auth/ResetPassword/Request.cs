namespace Waitlist.Features.Auth.ResetPassword;

internal sealed record Request(string? NewPassword, string? Token);

internal sealed class Validator : AbstractValidator<Request>
{
    public Validator()
    {
        RuleFor(r => r.NewPassword).Password("newPassword");
        RuleFor(r => r.Token).RequiredText("token");
    }
}
