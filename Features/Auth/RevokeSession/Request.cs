using FluentValidation;

namespace Waitlist.Features.Auth.RevokeSession;

public sealed record Request(string? Token);

internal sealed class Validator : AbstractValidator<Request>
{
    public Validator() => RuleFor(r => r.Token).RequiredText("token");
}
