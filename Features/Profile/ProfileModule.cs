namespace Waitlist.Features.Profile;

public static class ProfileModule
{
    /// <summary>Avatars take a libvips decode; deletions a password check (the KDF). Both per client address and minute.</summary>
    public const string AvatarRateLimit = "profile-avatar";
    public const string DeletionRateLimit = "account-deletion";

    /// <summary>The profile's store, its public surface (<see cref="ProfileDirectory"/>), libvips and its rate limits.</summary>
    public static IServiceCollection AddProfile(this IServiceCollection services)
    {
        services.AddLibVips();
        services.AddScoped<ProfileStore>();
        services.AddScoped(provider => new ProfileDirectory(provider.GetRequiredService<ProfileStore>()));
        services.AddRateLimitPolicy(AvatarRateLimit, permitLimit: 10);
        services.AddRateLimitPolicy(DeletionRateLimit, permitLimit: 5);
        return services;
    }
}
