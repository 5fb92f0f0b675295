using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Waitlist.Infrastructure.RateLimiting;

/// <summary>
/// Fixed-window limits, counted in <see cref="IRateLimitStore"/> (<c>RateLimits:Store</c>: PostgreSQL, shared by every
/// instance, or memory). Each feature declares the policies it uses (<see cref="AddRateLimitPolicy"/>) with DESIGN.md's
/// defaults; <c>RateLimits:&lt;policy&gt;:PermitLimit</c> and <c>WindowSeconds</c> override them.
/// </summary>
public static class RateLimitingSetup
{
    public static IServiceCollection AddRateLimiting(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton(TimeProvider.System);
        services.AddSettings<RateLimitSettings>("RateLimits");
        services.AddSingleton<MemoryRateLimitStore>();
        services.AddSingleton<PostgresRateLimitStore>();
        services.AddSingleton<IRateLimitStore>(provider => provider.GetRequiredService<RateLimitSettings>().IsShared
            ? provider.GetRequiredService<PostgresRateLimitStore>()
            : provider.GetRequiredService<MemoryRateLimitStore>());
        services.AddSingleton<RateLimitPermits>();
        services.AddRateLimiter(options => options.OnRejected = (context, _) => new ValueTask(WriteRejectionAsync(context.HttpContext)));
        return services;
    }

    /// <summary>A policy for the endpoints that name it (<c>.RequireRateLimiting(name)</c>).</summary>
    /// <param name="partition">Whose window a request counts in; the client's address unless given.</param>
    public static IServiceCollection AddRateLimitPolicy(this IServiceCollection services, string name, int permitLimit, int windowSeconds = 60,
        Func<HttpContext, string>? partition = null)
    {
        AddRule(services, name, permitLimit, windowSeconds);
        // One instance per policy, for the middleware and for the endpoints that ask for permits themselves (RateLimitPermits).
        services.AddKeyedSingleton<StoreRateLimitPolicy>(name, (provider, _) => new StoreRateLimitPolicy(name,
            provider.GetRequiredService<IOptionsMonitor<RateLimitRule>>().Get(name), partition ?? RateLimitPartitions.ClientAddress,
            provider.GetRequiredService<IRateLimitStore>(), provider.GetRequiredService<IHttpContextAccessor>()));
        services.AddOptions<RateLimiterOptions>().Configure<IServiceProvider>((options, provider) =>
            options.AddPolicy(name, provider.GetRequiredKeyedService<StoreRateLimitPolicy>(name)));
        return services;
    }

    /// <summary>
    /// A policy that counts every request <paramref name="partition"/> names a window for, whatever the endpoint, on top
    /// of the endpoint's own policy (e.g. per API key); the requests it answers null for pass untouched.
    /// </summary>
    public static IServiceCollection AddGlobalRateLimitPolicy(this IServiceCollection services, string name, int permitLimit, int windowSeconds,
        Func<HttpContext, string?> partition)
    {
        AddRule(services, name, permitLimit, windowSeconds);
        services.AddOptions<RateLimiterOptions>().Configure<IOptionsMonitor<RateLimitRule>, IRateLimitStore, IHttpContextAccessor>((options, rules, store, accessor) =>
        {
            var rule = rules.Get(name);
            var limiter = PartitionedRateLimiter.Create<HttpContext, string>(context => partition(context) is { } window
                ? RateLimitPartition.Get($"{name}:{window}", key => new StoreRateLimiter(store, accessor, key, rule))
                : RateLimitPartition.GetNoLimiter(""));
            options.GlobalLimiter = options.GlobalLimiter is { } others ? PartitionedRateLimiter.CreateChained(others, limiter) : limiter;
        });
        return services;
    }

    private static void AddRule(IServiceCollection services, string name, int permitLimit, int windowSeconds) =>
        services.AddOptions<RateLimitRule>(name)
            .Configure(rule => (rule.PermitLimit, rule.WindowSeconds) = (permitLimit, windowSeconds))
            .BindConfiguration($"RateLimits:{name}")
            .Validate(rule => rule is { PermitLimit: > 0, WindowSeconds: > 0 }, $"RateLimits:{name}: PermitLimit and WindowSeconds must be whole numbers above 0.")
            .ValidateOnStart();

    /// <summary>The 429 of a refused request, once its limiter has put the window's state on the request.</summary>
    internal static Task WriteRejectionAsync(HttpContext context)
    {
        var decision = context.Features.Get<RateLimitDecision>()!;
        var seconds = RateLimitHeaders.SecondsUntilReset(decision, TimeProvider.System.GetUtcNow());
        ErrorResponses.FormatOf(context).AddRateLimitHeaders(context.Response, seconds);
        return ErrorResponses.WriteAsync(context, CommonTexts.RateLimited, message: CommonTexts.RetryIn(seconds));
    }
}

public sealed class RateLimitRule
{
    public int PermitLimit { get; set; }
    public int WindowSeconds { get; set; }

    public TimeSpan Window => TimeSpan.FromSeconds(WindowSeconds);
}

public static class RateLimitPartitions
{
    /// <summary>The signed-in user (whatever the scheme: the name-identifier claim), else the client's address.</summary>
    public static string UserOrClientAddress(HttpContext context) =>
        context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value is { } userId ? "user:" + userId : ClientAddress(context);

    /// <summary>
    /// The client's address. An IPv6 client gets a whole /64 from its provider and can rotate through it at will, so
    /// the /64 is the client; an IPv4 address is one client.
    /// </summary>
    public static string ClientAddress(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null || address.AddressFamily != AddressFamily.InterNetworkV6 || address.IsIPv4MappedToIPv6)
            return context.ClientIp();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}

internal sealed class StoreRateLimitPolicy(string name, RateLimitRule rule, Func<HttpContext, string> partition, IRateLimitStore store, IHttpContextAccessor accessor)
    : IRateLimiterPolicy<string>
{
    // The shared OnRejected of RateLimiterOptions answers for every policy.
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => null;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        RateLimitPartition.Get(
            $"{name}:{partition(httpContext)}",
            key => new StoreRateLimiter(store, accessor, key, rule));
}
