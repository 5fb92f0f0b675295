namespace Waitlist.Infrastructure.Notifications;

public static class NotificationsSetup
{
    /// <summary>The process's one listening connection (<see cref="NotificationListener"/>) and the scoped <see cref="NotificationPublisher"/>.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddSingleton<NotificationListener>();
        services.AddHostedService(provider => provider.GetRequiredService<NotificationListener>());
        services.AddScoped<NotificationPublisher>();
        return services;
    }
}
