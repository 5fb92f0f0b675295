namespace Waitlist.Features.Auth.Admin.BanUser;

/// <param name="BanExpiresIn">Seconds the ban lasts; without it, for ever.</param>
internal sealed record Request(string? UserId, string? BanReason, long? BanExpiresIn);

internal sealed class Validator : AbstractValidator<Request>
{
    private const long HundredYears = 100L * 365 * 24 * 3600;

    public Validator()
    {
        RuleFor(r => r.UserId).UserId();
        RuleFor(r => r.BanReason).OptionalText("banReason", 500);
        RuleFor(r => r.BanExpiresIn).InclusiveBetween(1, HundredYears).When(r => r.BanExpiresIn is not null)
            .WithErrorCode(AuthTexts.ValidationError).WithMessage(AuthTexts.InvalidBanExpiresIn);
    }
}
