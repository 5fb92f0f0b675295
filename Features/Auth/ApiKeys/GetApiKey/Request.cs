using Microsoft.AspNetCore.Mvc;

namespace Waitlist.Features.Auth.ApiKeys.GetApiKey;

internal sealed record Request([FromQuery(Name = "id")] string? Id);

internal sealed class Validator : AbstractValidator<Request>
{
    public Validator() =>
        RuleFor(r => r.Id).NotNull().WithErrorCode(AuthTexts.ValidationError).WithMessage(AuthTexts.RequiredQuery("id"));
}
