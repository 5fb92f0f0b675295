using FluentValidation;

namespace Waitlist.Features.Auth.SignInUsername;

public sealed record Request(string? Username, string? Password, bool? RememberMe, string? CallbackURL);

internal sealed class Validator : AbstractValidator<Request>
{
    public Validator()
    {
        RuleFor(r => r.Username).RequiredText("username", AuthRules.MaxUsernameLength);
        RuleFor(r => r.Password).RequiredText("password");
    }
}
