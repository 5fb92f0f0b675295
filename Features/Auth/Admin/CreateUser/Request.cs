using FluentValidation;
using Waitlist.Infrastructure.Auth;

namespace Waitlist.Features.Auth.Admin.CreateUser;

/// <param name="Data">Extra user fields, as the admin plugin sends them: <c>username</c>, <c>displayUsername</c>.</param>
public sealed record Request(string? Email, string? Password, string? Name, string? Role, string? Username, ExtraData? Data);

public sealed record ExtraData(string? Username, string? DisplayUsername);

internal sealed class Validator : AbstractValidator<Request>
{
    public Validator()
    {
        RuleFor(r => r.Email).Email(AuthTexts.ValidationError, AuthTexts.InvalidEmailField("email"));
        RuleFor(r => r.Password).Password("password");
        RuleFor(r => r.Name).RequiredText("name");
        RuleFor(r => r.Role).Must(r => r is null || AuthRoles.All.Contains(r)).WithErrorCode(AuthTexts.InvalidRoleCode).WithMessage(AuthTexts.InvalidRole);
        RuleFor(r => r.Username ?? (r.Data == null ? null : r.Data.Username)).Username().OverridePropertyName("username");
    }
}
