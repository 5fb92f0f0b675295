namespace Waitlist.Features.Auth.Admin.SetRole;

internal sealed record Request(string? UserId, string? Role);

internal sealed class Validator : AbstractValidator<Request>
{
    public Validator()
    {
        RuleFor(r => r.UserId).UserId();
        RuleFor(r => r.Role).RequiredText("role");
        RuleFor(r => r.Role).Role();
    }
}
