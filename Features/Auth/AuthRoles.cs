namespace Waitlist.Features.Auth;

public static class AuthRoles
{
    public const string User = "user";
    public const string Staff = "staff";
    public const string Admin = "admin";

    public static readonly string[] All = [User, Staff, Admin];

    /// <summary>The roles that run the platform: they read the admin views and receive the internal reports.</summary>
    public static readonly string[] Team = [Staff, Admin];
}
