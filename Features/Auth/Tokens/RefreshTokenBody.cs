namespace Waitlist.Features.Auth.Tokens;

/// <summary>The body of refresh and logout: <c>{ refresh_token }</c>.</summary>
internal sealed record RefreshTokenBody([property: JsonPropertyName("refresh_token")] string? RefreshToken);

internal sealed class RefreshTokenBodyValidator : AbstractValidator<RefreshTokenBody>
{
    public RefreshTokenBodyValidator() =>
        RuleFor(r => r.RefreshToken).Must(token => !string.IsNullOrEmpty(token)).OverridePropertyName("refresh_token")
            .WithErrorCode("REQUIRED").WithMessage(TokenTexts.Required("refresh_token"));
}
