using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Waitlist.Features.Auth.ApiKeys;
using Waitlist.Features.Auth.Callers;
using Waitlist.Features.Auth.Emails;
using Waitlist.Features.Auth.Passwords;
using Waitlist.Features.Auth.SignIn;
using Waitlist.Features.Auth.Sessions;
using Waitlist.Features.Auth.Tokens;

namespace Waitlist.Features.Auth;

/// <summary>
/// Accounts and sessions, as Better Auth's server keeps them, in one module. Other features use its public surface
/// only: <see cref="AuthPolicies"/> and <see cref="AuthRoles"/>, <see cref="CurrentUser"/> (the caller),
/// <see cref="UserDirectory"/> (looking users up) and <see cref="SessionChanges"/> (for connections that outlive their
/// request); everything else here is the module's own.
/// </summary>
public static class AuthModule
{
    /// <summary>
    /// Settings (refusing to start without a secret outside Development), the store, the authentication schemes (Better
    /// Auth's session cookie, API keys, access tokens) behind one default scheme, the role policies, the rate limits and
    /// the account-email worker.
    /// </summary>
    public static IServiceCollection AddAuth(this IServiceCollection services)
    {
        services.AddSettings<AuthOptions>(AuthOptions.Section)
            .BindList("Auth:TrustedOrigins", (auth, origins) => auth.TrustedOrigins = origins)
            .BindList("Auth:AdminEmails", (auth, emails) => auth.AdminEmails = emails)
            .PostConfigure<IHostEnvironment>(UseDevelopmentSecretIfNone);
        services.Configure<OpenApiOptions>("v1", options => options.AddDocumentTransformer<CallerOpenApi>());

        services.AddSettings<TokenOptions>(TokenOptions.Section);

        services.AddSingleton<SessionCookies>();
        services.AddSingleton<TrustedOrigins>();
        services.AddSingleton<IPasswordHasher, Pbkdf2PasswordHasher>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuthorizationErrors>();
        services.AddScoped<AuthStore>();
        services.AddSingleton<SessionCache>();
        services.AddSingleton<ApiKeyCache>();
        services.AddSingleton<AccountCache>();
        services.AddSingleton<RevokedAccessTokens>();
        services.AddSingleton<ApiKeyUsage>();
        services.AddSingleton<SigningKeys>();
        services.AddSingleton<AccessTokens>();
        services.AddScoped<AccessTokenEvents>();
        services.AddSingleton(provider => new SessionChanges(provider.GetRequiredService<NotificationListener>()));
        services.AddScoped(provider => new UserDirectory(provider.GetRequiredService<AuthStore>(), provider.GetRequiredService<IPasswordHasher>()));
        services.AddScoped<PasswordSignIn>();
        services.AddScoped<SessionIssuer>();
        services.AddScoped<VerificationTokens>();
        services.AddScoped<AccountEmails>();
        services.AddScoped<AccountEmailComposer>();
        services.AddSingleton<AccountEmailSignal>();
        services.AddSingleton<AccountEmailWorker>();
        services.AddHostedService(provider => provider.GetRequiredService<AccountEmailWorker>());
        services.AddHostedService<AuthStartup>();
        services.AddAuthRateLimits();

        // One default scheme that hands each request to the scheme of the credential it presents (CallerSchemes).
        services.AddAuthentication(CallerSchemes.Default)
            .AddPolicyScheme(CallerSchemes.Default, null, options => options.ForwardDefaultSelector = CallerSchemes.Select)
            .AddScheme<AuthenticationSchemeOptions, SessionAuthenticationHandler>(SessionAuthenticationHandler.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(CallerSchemes.ApiKey, null)
            .AddJwtBearer(CallerSchemes.AccessToken, _ => { });
        services.AddOptions<JwtBearerOptions>(CallerSchemes.AccessToken).Configure<AccessTokens>((options, tokens) => tokens.Configure(options));
        services.AddAuthorization(AuthPolicies.Add);
        return services;
    }

    /// <summary>Better Auth's origin check, then authentication and authorization.</summary>
    public static IApplicationBuilder UseAuth(this IApplicationBuilder app)
    {
        app.Use(OriginCheck.InvokeAsync);
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    private static void UseDevelopmentSecretIfNone(AuthOptions options, IHostEnvironment environment)
    {
        options.Secret = options.Secret.Trim();
        if (options.Secret.Length > 0 || !environment.IsDevelopment())
            return;
        options.Secret = AuthOptions.DevelopmentSecret;
        options.UsesDevelopmentSecret = true;
    }

    /// <summary>
    /// Warns about the development secret, and creates the password hasher before the first request: its dummy hash
    /// is then ready, so the first sign-in with an unknown account takes no longer than any other. The caches and the
    /// list of revoked access tokens are created too, so that they subscribe to their notifications as the listener
    /// connects, not at the first request; so are the signing keys, which listen for keys other instances add.
    /// </summary>
    private sealed class AuthStartup(
        AuthOptions options, IPasswordHasher passwords, SessionCache sessionCache, ApiKeyCache apiKeyCache, AccountCache accountCache,
        RevokedAccessTokens revokedAccessTokens, SigningKeys signingKeys, ILogger<AuthStartup> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (options.UsesDevelopmentSecret)
                logger.LogWarning("Auth:Secret (BETTER_AUTH_SECRET) is not set: using the fixed development secret. Never run like this outside Development.");
            GC.KeepAlive(passwords);
            GC.KeepAlive(sessionCache);
            GC.KeepAlive(apiKeyCache);
            GC.KeepAlive(accountCache);
            GC.KeepAlive(revokedAccessTokens);
            GC.KeepAlive(signingKeys);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
