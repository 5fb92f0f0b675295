namespace Waitlist.Features.Auth;

/// <summary>A user as Better Auth's JSON shows it (admin and username plugins' fields included). Never holds the password hash.</summary>
public sealed record AuthUser(
    string Name, string Email, bool EmailVerified, string? Image, DateTime CreatedAt, DateTime UpdatedAt,
    string? Username, string? DisplayUsername, string Role, bool Banned, string? BanReason, DateTime? BanExpires, string Id);
