using Microsoft.AspNetCore.OpenApi;
using Waitlist.Features.Messaging.Realtime;

namespace Waitlist.Features.Messaging;

public static class MessagingModule
{
    /// <summary>30 messages a minute per signed-in person: conversations started count too (they may carry a first message).</summary>
    public const string SendRateLimit = "messages";

    /// <summary>The real-time hub's largest message from a client: it only ever sends <c>typing</c>.</summary>
    private const long MaxHubMessageBytes = 4 * 1024;

    /// <summary>Messaging's settings, store and rate limit, and the real-time hub with its fan-out, session guard and OpenAPI description.</summary>
    public static IServiceCollection AddMessaging(this IServiceCollection services)
    {
        services.AddSettings<MessagingSettings>("Messaging");
        services.AddRateLimitPolicy(SendRateLimit, permitLimit: 30, windowSeconds: 60, RateLimitPartitions.UserOrClientAddress);
        services.AddScoped<MessagingStore>();
        services.AddScoped<MessagePoster>();
        services.AddScoped<RealtimePublisher>();
        services.AddSingleton<RealtimeConnections>();
        services.AddHostedService<RealtimeFanOut>();
        services.AddHostedService<RealtimeSessionGuard>();
        services.AddSignalR(options => options.MaximumReceiveMessageSize = MaxHubMessageBytes);
        services.Configure<OpenApiOptions>("v1", options => options.AddDocumentTransformer<RealtimeOpenApi>());
        return services;
    }
}
