namespace Waitlist.Features.Profile;

/// <summary>What GET /api/user/me answers, and every change of one's own account or profile with it.</summary>
internal sealed record MeResponse(MyAccount User)
{
    public static MeResponse Of(AuthUser user, ProfileData profile) =>
        new(new MyAccount(user.Id, user.Name, user.Email, user.Image, user.Role, user.EmailVerified, user.CreatedAt, profile));
}

internal sealed record MyAccount(string Id, string Name, string Email, string? Image, string Role, bool EmailVerified, DateTime CreatedAt, ProfileData Profile);
