using FluentValidation;

namespace Waitlist.Features.Auth.Admin.RevokeUserSession;

public sealed record Request(string? SessionToken);

internal sealed class Validator : AbstractValidator<Request>
{
    public Validator()
    {
        RuleFor(r => r.SessionToken).RequiredText("sessionToken");
    }
}
