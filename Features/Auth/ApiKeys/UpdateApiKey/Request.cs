namespace Waitlist.Features.Auth.ApiKeys.UpdateApiKey;

/// <summary>
/// Better Auth's update body: the key, and what to change of it. <c>expiresIn</c> left out keeps the expiry, a number of
/// seconds sets it from now, null removes it. Metadata is ignored (the plugin keeps it off); the fields only a server may
/// set are refused.
/// </summary>
internal sealed record Request(
    string? KeyId, string? Name, bool? Enabled, JsonElement ExpiresIn, JsonElement? UserId,
    JsonElement? Remaining, JsonElement? RefillAmount, JsonElement? RefillInterval,
    JsonElement? RateLimitEnabled, JsonElement? RateLimitTimeWindow, JsonElement? RateLimitMax, JsonElement? Permissions)
{
    public bool ChangesExpiry => ExpiresIn.ValueKind != JsonValueKind.Undefined;

    /// <summary>The new lifetime in seconds; null when the expiry is removed or left alone (<see cref="ChangesExpiry"/> tells which).</summary>
    public double? ExpiresInSeconds => ExpiresIn.ValueKind == JsonValueKind.Number ? ExpiresIn.GetDouble() : null;

    public bool SetsServerOnlyFields =>
        new[] { Remaining, RefillAmount, RefillInterval, RateLimitEnabled, RateLimitTimeWindow, RateLimitMax, Permissions }.Any(CreateApiKey.Request.IsGiven);
}

internal sealed class Validator : AbstractValidator<Request>
{
    public Validator()
    {
        RuleFor(r => r.KeyId).NotNull().WithErrorCode(AuthTexts.ValidationError).WithMessage(AuthTexts.Required("keyId"));
        RuleFor(r => r).Must(r => !r.SetsServerOnlyFields).WithError(AuthTexts.ServerOnlyProperty).OverridePropertyName("body");
        RuleFor(r => r.Name).KeyName();
        RuleFor(r => r.ExpiresIn).Must(e => e.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.Number)
            .WithErrorCode(AuthTexts.ValidationError).WithMessage(AuthTexts.InvalidExpiresIn);
        RuleFor(r => r.ExpiresInSeconds).ExpiresIn().OverridePropertyName("expiresIn");
        RuleFor(r => r).Must(r => r.Name is not null || r.Enabled is not null || r.ChangesExpiry).WithError(AuthTexts.NoValuesToUpdate).OverridePropertyName("body");
    }
}
