using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.RateLimiting;
using Waitlist.Infrastructure.Errors;
using Waitlist.Infrastructure.Http;

namespace Waitlist.Infrastructure.RateLimiting;

/// <summary>The named per-IP policies of DESIGN.md's table; limits come from <c>RateLimits:&lt;policy&gt;</c>.</summary>
public static class RateLimitPolicies
{
    public const string Waitlist = "waitlist";
    public const string Auth = "auth";
    public const string AuthSignIn = "auth-sign-in";
    public const string AuthSignUp = "auth-sign-up";
    public const string AuthPasswordReset = "auth-password-reset";

    /// <summary>Previews that must be drawn; a preview served from memory is not counted (see <see cref="RateLimitPermits"/>).</summary>
    public const string PreviewRender = "og-render";

    public static readonly string[] All = [Waitlist, Auth, AuthSignIn, AuthSignUp, AuthPasswordReset, PreviewRender];

    public static IServiceCollection AddIpRateLimiting(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IRateLimitStore, MemoryRateLimitStore>();
        services.AddSingleton<RateLimitPermits>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IRateLimitStore, IHttpContextAccessor, IConfiguration>((options, store, accessor, configuration) =>
        {
            foreach (var name in All)
                options.AddPolicy(name, Policy(name, configuration, store, accessor));
            options.OnRejected = (context, _) => new ValueTask(WriteRejectionAsync(context.HttpContext));
        });
        return services;
    }

    internal static IpRateLimitPolicy Policy(string name, IConfiguration configuration, IRateLimitStore store, IHttpContextAccessor accessor)
    {
        var rule = configuration.GetSection($"RateLimits:{name}").Get<RateLimitRule>()
            ?? throw new InvalidOperationException($"RateLimits:{name} is missing from configuration.");
        return new IpRateLimitPolicy(name, rule, store, accessor);
    }

    /// <summary>The 429 of a refused request, once its limiter has put the window's state on the request.</summary>
    internal static Task WriteRejectionAsync(HttpContext context)
    {
        var decision = context.Features.Get<RateLimitDecision>()!;
        var seconds = RateLimitHeaders.SecondsUntilReset(decision, TimeProvider.System.GetUtcNow());
        if (context.Request.Path.StartsWithSegments(ErrorResponses.AuthPathPrefix))
            context.Response.Headers["X-Retry-After"] = seconds.ToString(); // what the Better Auth client reads
        var wait = seconds == 1 ? "1 segundo" : $"{seconds} segundos";
        return ErrorResponses.WriteAsync(context, CommonErrors.RateLimited, message: $"Demasiadas solicitudes. Inténtalo de nuevo en {wait}.");
    }
}

public sealed record RateLimitRule(int PermitLimit, int WindowSeconds)
{
    public TimeSpan Window => TimeSpan.FromSeconds(WindowSeconds);
}

internal sealed class IpRateLimitPolicy(string name, RateLimitRule rule, IRateLimitStore store, IHttpContextAccessor accessor) : IRateLimiterPolicy<string>
{
    /// <summary>
    /// An IPv6 client gets a whole /64 from its provider and can rotate through it at will, so the /64 is the
    /// client; an IPv4 address is one client.
    /// </summary>
    internal static string ClientKey(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null || address.AddressFamily != AddressFamily.InterNetworkV6 || address.IsIPv4MappedToIPv6)
            return context.ClientIp();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    // The shared OnRejected of RateLimiterOptions answers for every policy.
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => null;

    public System.Threading.RateLimiting.RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        System.Threading.RateLimiting.RateLimitPartition.Get(
            $"{name}:{ClientKey(httpContext)}",
            key => new StoreRateLimiter(store, accessor, key, rule));
}
