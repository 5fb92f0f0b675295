using FluentValidation;

namespace Waitlist.Features.Auth.IsUsernameAvailable;

public sealed record Request(string? Username);

internal sealed class Validator : AbstractValidator<Request>
{
    public Validator()
    {
        RuleFor(r => r.Username).RequiredText("username", AuthRules.MaxUsernameLength);
        RuleFor(r => r.Username).Username();
    }
}
