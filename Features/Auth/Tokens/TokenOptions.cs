using System.ComponentModel.DataAnnotations;

namespace Waitlist.Features.Auth.Tokens;

/// <summary>
/// The <c>Tokens</c> section: whether refreshing rotates the refresh token, and how long a key signs access tokens
/// before the next one takes over. The lifetimes are the token API's contract, not settings.
/// </summary>
internal sealed class TokenOptions
{
    public const string Section = "Tokens";

    /// <summary>What <c>expires_in</c> says: an access token is good for an hour.</summary>
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromHours(1);

    /// <summary>A refresh token is good for 30 days from when it was issued.</summary>
    public static readonly TimeSpan RefreshTokenLifetime = TimeSpan.FromDays(30);

    /// <summary>
    /// Each refresh answers a new refresh token and retires the one presented; presenting a retired one again revokes
    /// the whole login (reuse detection, OAuth 2.1). Off by default: the specification's client keeps one refresh token
    /// for its 30 days.
    /// </summary>
    public bool RotateRefreshTokens { get; set; }

    [Range(1, 365, ErrorMessage = "Tokens:SigningKeyRotationDays must be between 1 and 365.")]
    public int SigningKeyRotationDays { get; set; } = 30;

    public TimeSpan SigningKeyRotation => TimeSpan.FromDays(SigningKeyRotationDays);
}
