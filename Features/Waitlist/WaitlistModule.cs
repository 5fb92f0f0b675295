using Waitlist.Features.Waitlist.Spam;

namespace Waitlist.Features.Waitlist;

public static class WaitlistModule
{
    public const string JoinRateLimit = "waitlist";
    public const string LinksRateLimit = "waitlist-links";

    /// <summary>Only ever used in Development when neither this section nor Auth has a secret: anyone can read it here.</summary>
    private const string DevelopmentTokenSecret = "waitlist-development-token-secret-do-not-use-in-production";

    /// <summary>
    /// The waitlist's settings, its rate limits (5 posts a minute per client address; 30 email links), its services and
    /// its public surface.
    /// </summary>
    public static IServiceCollection AddWaitlist(this IServiceCollection services)
    {
        services.AddSettings<WaitlistSettings>("Waitlist").PostConfigure<IConfiguration, IHostEnvironment>(UseDeploymentDefaults);
        services.AddRateLimitPolicy(JoinRateLimit, permitLimit: 5);
        services.AddRateLimitPolicy(LinksRateLimit, permitLimit: 30);
        services.AddSingleton<WaitlistTokens>();
        services.AddSingleton<WaitlistEmails>();
        services.AddSingleton<JoinWaitlist.SignUps>();
        services.AddSingleton<WaitlistCounter>();
        services.AddSingleton<DisposableDomains>();
        services.AddSingleton<CaptchaVerifier>();
        services.AddHttpClient(CaptchaVerifier.HttpClientName);
        services.AddScoped<WaitlistQueue>();
        services.AddScoped(provider => new WaitlistDirectory(provider.GetRequiredService<DbScope>()));
        return services;
    }

    /// <summary>
    /// Links in emails point at the deployment's public URL and are signed with its secret unless the section names its
    /// own: BETTER_AUTH_URL and BETTER_AUTH_SECRET (Auth:BaseUrl, Auth:Secret) are those, read as configuration.
    /// </summary>
    private static void UseDeploymentDefaults(WaitlistSettings settings, IConfiguration configuration, IHostEnvironment environment)
    {
        if (string.IsNullOrWhiteSpace(settings.PublicApiUrl))
            settings.PublicApiUrl = configuration["Auth:BaseUrl"] is { Length: > 0 } baseUrl ? baseUrl : "http://localhost:4000";
        settings.TokenSecret = settings.TokenSecret.Trim();
        if (settings.TokenSecret.Length == 0)
            settings.TokenSecret = configuration["Auth:Secret"]?.Trim() is { Length: > 0 } secret ? secret
                : environment.IsDevelopment() ? DevelopmentTokenSecret : "";
        settings.DisposableDomainsFile = FullPath(settings.DisposableDomainsFile, environment.ContentRootPath);
    }

    /// <summary>A data file's path: relative to the content root (the working directory) or, failing that, to the API's own directory, where the build copies it.</summary>
    private static string FullPath(string path, string contentRoot) =>
        new[] { contentRoot, AppContext.BaseDirectory }.Select(directory => Path.GetFullPath(path, directory)).FirstOrDefault(File.Exists)
        ?? Path.GetFullPath(path, contentRoot);
}
