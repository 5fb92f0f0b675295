namespace Waitlist.Features.Auth.ApiKeys.CreateApiKey;

/// <summary>
/// Better Auth's create body. A client may set the name, the lifetime and the prefix; the fields only a server may set
/// (usage quotas, refills, per-key limits, permissions, an owner) are refused as Better Auth refuses them over HTTP,
/// and so is metadata, which the plugin keeps off by default.
/// </summary>
internal sealed record Request(
    string? Name, double? ExpiresIn, string? Prefix, JsonElement? Metadata, JsonElement? UserId,
    JsonElement? Remaining, JsonElement? RefillAmount, JsonElement? RefillInterval,
    JsonElement? RateLimitEnabled, JsonElement? RateLimitTimeWindow, JsonElement? RateLimitMax, JsonElement? Permissions)
{
    public bool SetsServerOnlyFields =>
        new[] { Remaining, RefillAmount, RefillInterval, RateLimitEnabled, RateLimitTimeWindow, RateLimitMax, Permissions }.Any(IsGiven);

    public static bool IsGiven(JsonElement? value) => value is { ValueKind: not JsonValueKind.Null };
}

internal sealed class Validator : AbstractValidator<Request>
{
    // In the order Better Auth checks, so that the first failure is the one it would name.
    public Validator()
    {
        RuleFor(r => r).Must(r => !r.SetsServerOnlyFields).WithError(AuthTexts.ServerOnlyProperty).OverridePropertyName("body");
        RuleFor(r => r.UserId).Must(id => !Request.IsGiven(id)).WithError(AuthTexts.UnauthorizedSession);
        RuleFor(r => r.Metadata).Must(metadata => !Request.IsGiven(metadata)).WithError(AuthTexts.MetadataDisabled);
        RuleFor(r => r.ExpiresIn).ExpiresIn();
        RuleFor(r => r.Prefix).Cascade(CascadeMode.Stop)
            .Must(prefix => prefix is null || (prefix.Length > 0 && prefix.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')))
            .WithErrorCode(AuthTexts.ValidationError).WithMessage(AuthTexts.InvalidApiKeyPrefix)
            .Must(prefix => prefix is null || prefix.Length <= ApiKeySecret.MaxPrefixLength).WithError(AuthTexts.InvalidApiKeyPrefixLength);
        RuleFor(r => r.Name).KeyName();
    }
}
