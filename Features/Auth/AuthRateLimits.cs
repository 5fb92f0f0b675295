using System.Security.Claims;
using Waitlist.Features.Auth.Callers;

namespace Waitlist.Features.Auth;

/// <summary>
/// Auth's rate-limit policies (60-second windows): per client address, DESIGN.md's defaults; and per API key, on every
/// request a key authenticates, whatever the endpoint.
/// </summary>
internal static class AuthRateLimits
{
    public const string Auth = "auth";
    public const string SignIn = "auth-sign-in";
    public const string SignUp = "auth-sign-up";
    public const string PasswordReset = "auth-password-reset";
    public const string Token = "auth-token";
    public const string ApiKey = "api-key";

    public static IServiceCollection AddAuthRateLimits(this IServiceCollection services) => services
        .AddRateLimitPolicy(Auth, permitLimit: 10)
        .AddRateLimitPolicy(SignIn, permitLimit: 5)
        .AddRateLimitPolicy(SignUp, permitLimit: 3)
        .AddRateLimitPolicy(PasswordReset, permitLimit: 3)
        .AddRateLimitPolicy(Token, permitLimit: 60)
        .AddGlobalRateLimitPolicy(ApiKey, permitLimit: 600, windowSeconds: 60,
            context => context.User.FindFirstValue(CallerSchemes.ApiKeyIdClaim) is { } keyId ? "key:" + keyId : null);
}
