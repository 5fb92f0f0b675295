using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace Waitlist.Infrastructure.Auth;

public static class AuthSetup
{
    /// <summary>
    /// Auth:Secret and friends (refusing to start without a secret outside Development), Better Auth's session cookie
    /// as the default authentication scheme, and the role policies.
    /// </summary>
    public static IServiceCollection AddAuth(this IServiceCollection services)
    {
        services.AddSingleton(provider => AuthOptions.FromConfiguration(
            provider.GetRequiredService<IConfiguration>(),
            provider.GetRequiredService<IHostEnvironment>(),
            provider.GetRequiredService<ILoggerFactory>().CreateLogger("Waitlist.Auth")));
        services.AddSingleton<SessionCookies>();
        services.AddSingleton<TrustedOrigins>();
        services.AddSingleton<PasswordHasher>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuthorizationErrors>();
        services.AddHostedService<AuthStartupCheck>();

        services.AddAuthentication(SessionAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, SessionAuthenticationHandler>(SessionAuthenticationHandler.SchemeName, null);
        services.AddAuthorization(AuthPolicies.Add);
        return services;
    }

    /// <summary>Origin check, then authentication and authorization.</summary>
    public static IApplicationBuilder UseAuth(this IApplicationBuilder app)
    {
        app.Use(OriginCheck.InvokeAsync);
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>
    /// Resolves the options at start-up, so a missing or short secret stops the host before it serves anything, and
    /// the password hasher, whose dummy hash is then ready before the first sign-in.
    /// </summary>
    private sealed class AuthStartupCheck(AuthOptions options, PasswordHasher passwords) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.FromResult((options, passwords));
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
