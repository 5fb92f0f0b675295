namespace Waitlist.Features.Auth.Tokens.Refresh;

/// <param name="RefreshToken">The successor of the token presented, with <c>Tokens:RotateRefreshTokens</c> only.</param>
internal sealed record Response(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("refresh_token"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RefreshToken);
