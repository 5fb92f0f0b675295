using FluentValidation;
using Waitlist.Infrastructure.Auth;

namespace Waitlist.Features.Auth.Admin.SetRole;

public sealed record Request(string? UserId, string? Role);

internal sealed class Validator : AbstractValidator<Request>
{
    public Validator()
    {
        RuleFor(r => r.UserId).UserId();
        RuleFor(r => r.Role).RequiredText("role").Must(r => AuthRoles.All.Contains(r)).WithErrorCode(AuthTexts.InvalidRoleCode).WithMessage(AuthTexts.InvalidRole);
    }
}
