namespace Waitlist.Features.Auth;

/// <summary>A user as Better Auth's JSON shows it (admin and username plugins' fields included). Never holds the password hash.</summary>
public sealed record AuthUser(
    string Name, string Email, bool EmailVerified, string? Image, DateTime CreatedAt, DateTime UpdatedAt,
    string? Username, string? DisplayUsername, string Role, bool Banned, string? BanReason, DateTime? BanExpires, string Id)
{
    /// <summary>Whether a ban holds at <paramref name="utcNow"/>: one whose time is up no longer counts, before sign-in lifts it.</summary>
    public bool IsBannedAt(DateTime utcNow) => Banned && (BanExpires is null || BanExpires > utcNow);
}
