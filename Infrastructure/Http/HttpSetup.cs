using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Waitlist.Infrastructure.Http;

/// <summary>What every request passes through before it reaches a feature: client IP, body limit, CORS, access log.</summary>
public static class HttpSetup
{
    public const string CorsPolicy = "configured-origins";
    public const string DefaultUrl = "http://localhost:4000";

    public static WebApplicationBuilder AddHttpPipeline(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;

        // Set in code, not in appsettings.json, where "Urls" would silently beat ASPNETCORE_URLS and --urls.
        if (string.IsNullOrWhiteSpace(configuration["urls"]))
            builder.WebHost.UseUrls(DefaultUrl);

        // JSON endpoints never need more; Kestrel answers a larger body with a 413 that the error handler words.
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Limits.MaxRequestBodySize = configuration.GetValue<long>("Http:MaxRequestBodyBytes", 64 * 1024));

        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            var proxies = configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [];
            var networks = configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [];
            if (proxies.Length + networks.Length > 0)
            {
                options.KnownProxies.Clear();
                options.KnownIPNetworks.Clear();
                foreach (var proxy in proxies)
                    options.KnownProxies.Add(IPAddress.Parse(proxy));
                foreach (var network in networks)
                    options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });

        var origins = configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [];
        builder.Services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy =>
            policy.WithOrigins(origins).AllowCredentials().AllowAnyHeader().AllowAnyMethod()
                .WithExposedHeaders("Retry-After", "X-Retry-After", "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset")));
        return builder;
    }

    public static IApplicationBuilder UseHttpPipeline(this IApplicationBuilder app)
    {
        app.Use(TreatRealIpAsForwardedFor);
        app.UseForwardedHeaders();
        app.Use(LogRequest);
        app.UseCors(CorsPolicy);
        return app;
    }

    /// <summary>
    /// nginx setups often send X-Real-IP instead of X-Forwarded-For. Copying it over lets the forwarded-headers
    /// middleware apply the same trust rule to both: only a known proxy may name the client.
    /// </summary>
    private static Task TreatRealIpAsForwardedFor(HttpContext context, RequestDelegate next)
    {
        var headers = context.Request.Headers;
        if (!headers.ContainsKey("X-Forwarded-For") && headers.TryGetValue("X-Real-IP", out var realIp))
            headers["X-Forwarded-For"] = realIp;
        return next(context);
    }

    /// <summary>
    /// One line per request. The path only, since query strings can carry tokens (verify-email?token=...), and
    /// percent-encoded, so that a %0A in a URL cannot forge a log line.
    /// </summary>
    private static async Task LogRequest(HttpContext context, RequestDelegate next)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Waitlist.Requests");
            logger.LogInformation("{Method} {Path} -> {Status} in {ElapsedMs:F1} ms from {ClientIp}",
                context.Request.Method, context.Request.Path.ToUriComponent(), context.Response.StatusCode,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds, context.ClientIp());
        }
    }
}
