using FluentValidation;

namespace Waitlist.Features.Auth.Admin.BanUser;

public sealed record Request(string? UserId, string? BanReason, long? BanExpiresIn);

internal sealed class Validator : AbstractValidator<Request>
{
    public Validator()
    {
        RuleFor(r => r.UserId).UserId();
        RuleFor(r => r.BanReason).Must(r => r is null || r.Length <= 500).WithErrorCode(AuthTexts.ValidationError).WithMessage(AuthTexts.TooLong("banReason"));
        RuleFor(r => r.BanExpiresIn).InclusiveBetween(1, 100L * 365 * 24 * 3600).When(r => r.BanExpiresIn is not null)
            .WithErrorCode(AuthTexts.ValidationError).WithMessage("[body.banExpiresIn] Debe ser un número de segundos positivo.");
    }
}
