using Waitlist.Infrastructure.RateLimiting;

namespace Waitlist.Features.Auth;

/// <summary>Auth's rate-limit policies (per client address, 60-second windows), DESIGN.md's defaults.</summary>
internal static class AuthRateLimits
{
    public const string Auth = "auth";
    public const string SignIn = "auth-sign-in";
    public const string SignUp = "auth-sign-up";
    public const string PasswordReset = "auth-password-reset";

    public static IServiceCollection AddAuthRateLimits(this IServiceCollection services) => services
        .AddRateLimitPolicy(Auth, permitLimit: 10)
        .AddRateLimitPolicy(SignIn, permitLimit: 5)
        .AddRateLimitPolicy(SignUp, permitLimit: 3)
        .AddRateLimitPolicy(PasswordReset, permitLimit: 3);
}
