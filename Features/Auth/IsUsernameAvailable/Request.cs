namespace Waitlist.Features.Auth.IsUsernameAvailable;

internal sealed record Request(string? Username);

internal sealed class Validator : AbstractValidator<Request>
{
    public Validator()
    {
        RuleFor(r => r.Username).RequiredText("username", AuthRules.MaxUsernameLength);
        RuleFor(r => r.Username).Username();
    }
}
