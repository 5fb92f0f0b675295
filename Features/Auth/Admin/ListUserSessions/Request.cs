using FluentValidation;

namespace Waitlist.Features.Auth.Admin.ListUserSessions;

public sealed record Request(string? UserId);

internal sealed class Validator : AbstractValidator<Request>
{
    public Validator()
    {
        RuleFor(r => r.UserId).UserId();
    }
}
