using System.Text.Json.Serialization;
using FluentValidation;

namespace Waitlist.Features.Auth.Tokens.Refresh;

internal sealed record Request([property: JsonPropertyName("refresh_token")] string? RefreshToken);

internal sealed class Validator : AbstractValidator<Request>
{
    public Validator() =>
        RuleFor(r => r.RefreshToken).Must(token => !string.IsNullOrEmpty(token)).OverridePropertyName("refresh_token")
            .WithErrorCode("REQUIRED").WithMessage(TokenTexts.Required("refresh_token"));
}
