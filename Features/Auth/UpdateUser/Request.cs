using FluentValidation;

namespace Waitlist.Features.Auth.UpdateUser;

/// <param name="Email">Never accepted: Better Auth changes emails through a verified flow, not here.</param>
public sealed record Request(string? Name, string? Image, string? Username, string? DisplayUsername, string? Email);

internal sealed class Validator : AbstractValidator<Request>
{
    public Validator()
    {
        RuleFor(r => r.Name).Must(n => n is null || n.Length <= 256).WithErrorCode(AuthTexts.ValidationError).WithMessage(AuthTexts.TooLong("name"));
        RuleFor(r => r.Image).Must(i => i is null || i.Length <= 2048).WithErrorCode(AuthTexts.ValidationError).WithMessage(AuthTexts.TooLong("image"));
        RuleFor(r => r.DisplayUsername).Must(d => d is null || d.Length <= 256).WithErrorCode(AuthTexts.ValidationError).WithMessage(AuthTexts.TooLong("displayUsername"));
        RuleFor(r => r.Username).Username();
    }
}
