namespace Waitlist.Features.Auth.ApiKeys.DeleteApiKey;

internal sealed record Request(string? KeyId);

internal sealed class Validator : AbstractValidator<Request>
{
    public Validator() =>
        RuleFor(r => r.KeyId).NotNull().WithErrorCode(AuthTexts.ValidationError).WithMessage(AuthTexts.Required("keyId"));
}
