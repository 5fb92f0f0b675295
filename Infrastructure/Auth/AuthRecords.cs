namespace Waitlist.Infrastructure.Auth;

/// <summary>A user as Better Auth's JSON shows it (admin and username plugins' fields included). Never holds the password hash.</summary>
public sealed record AuthUser(
    string Name, string Email, bool EmailVerified, string? Image, DateTime CreatedAt, DateTime UpdatedAt,
    string? Username, string? DisplayUsername, string Role, bool Banned, string? BanReason, DateTime? BanExpires, string Id)
{
    /// <summary>The users columns in the constructor's order (Dapper maps by position and name), for table alias <paramref name="alias"/>.</summary>
    public static string Columns(string alias) =>
        $"{alias}.name, {alias}.email, {alias}.email_verified AS emailverified, {alias}.image, {alias}.created_at AS createdat, " +
        $"{alias}.updated_at AS updatedat, {alias}.username, {alias}.display_username AS displayusername, {alias}.role, {alias}.banned, " +
        $"{alias}.ban_reason AS banreason, {alias}.ban_expires AS banexpires, {alias}.id";
}

/// <summary>A session row. Its token is not stored (only its SHA-256), so it is not here either.</summary>
public sealed record AuthSession(
    string Id, string UserId, DateTime ExpiresAt, string? IpAddress, string? UserAgent, string? ImpersonatedBy,
    bool RememberMe, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static string Columns(string alias) =>
        $"{alias}.id, {alias}.user_id AS userid, {alias}.expires_at AS expiresat, {alias}.ip_address AS ipaddress, " +
        $"{alias}.user_agent AS useragent, {alias}.impersonated_by AS impersonatedby, {alias}.remember_me AS rememberme, " +
        $"{alias}.created_at AS createdat, {alias}.updated_at AS updatedat";
}

/// <summary>The signed-in caller of this request, as the session scheme found it (one query, at most once per request).</summary>
public sealed record CurrentSession(string Token, AuthSession Session, AuthUser User);

public static class AuthRoles
{
    public const string User = "user";
    public const string Staff = "staff";
    public const string Admin = "admin";

    public static readonly string[] All = [User, Staff, Admin];
}
