using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Net.Http.Headers;

namespace Waitlist.Infrastructure.Http;

/// <summary>What every request passes through before it reaches a feature: client IP, body limit, CORS, access log, routing.</summary>
public static partial class HttpSetup
{
    public const string CorsPolicy = "configured-origins";
    public const string DefaultUrl = "http://localhost:4000";

    public static WebApplicationBuilder AddHttpPipeline(this WebApplicationBuilder builder)
    {
        // Set in code, not in appsettings.json, where "Urls" would silently beat ASPNETCORE_URLS and --urls.
        if (string.IsNullOrWhiteSpace(builder.Configuration["urls"]))
            builder.WebHost.UseUrls(DefaultUrl);

        var services = builder.Services;
        services.AddSettings<HttpSettings>("Http");
        services.AddSettings<ForwardedHeadersSettings>("ForwardedHeaders");
        services.AddSettings<CorsSettings>("Cors").BindList("Cors:AllowedOrigins", (cors, origins) => cors.AllowedOrigins = origins);

        // Kestrel answers a larger body with a 413 that the error handler words.
        services.AddOptions<KestrelServerOptions>().Configure<HttpSettings>((kestrel, http) => kestrel.Limits.MaxRequestBodySize = http.MaxRequestBodyBytes);
        services.AddOptions<ForwardedHeadersOptions>().Configure<ForwardedHeadersSettings>(ConfigureForwardedHeaders);
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<CorsSettings>((cors, settings) => cors.AddPolicy(CorsPolicy, policy =>
            policy.WithOrigins(settings.AllowedOrigins).AllowCredentials().AllowAnyHeader().AllowAnyMethod()
                .WithExposedHeaders("Retry-After", "X-Retry-After", "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset")));
        return builder;
    }

    private static void ConfigureForwardedHeaders(ForwardedHeadersOptions options, ForwardedHeadersSettings settings)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        if (settings.ClientIpHeader.Equals(ForwardedHeadersSettings.XRealIp, StringComparison.OrdinalIgnoreCase))
            options.ForwardedForHeaderName = ForwardedHeadersSettings.XRealIp;
        // Walk the chain from the right while the hop that added an entry is trusted: the first untrusted one is the client.
        options.ForwardLimit = null;
        if (settings.KnownProxies.Length + settings.KnownNetworks.Length == 0)
            return;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in settings.KnownProxies)
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        foreach (var network in settings.KnownNetworks)
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
    }

    public static IApplicationBuilder UseHttpPipeline(this IApplicationBuilder app)
    {
        app.UseForwardedHeaders();
        var requestLog = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("Waitlist.Requests");
        app.Use((context, next) => LogRequestAsync(requestLog, context, next));
        app.UseCors(CorsPolicy);
        return app;
    }

    /// <summary>
    /// Routing, then what needs the endpoint. Placed after the client IP, the access log, CORS and the error pages (left to
    /// itself, the framework would route first), so that <see cref="PublicContent"/> endpoints, which end here, keep them.
    /// </summary>
    public static IApplicationBuilder UseEndpointRouting(this IApplicationBuilder app)
    {
        app.UseRouting();
        app.Use(RequireUtf8Json);
        return app;
    }

    /// <summary>
    /// Anonymous, unlimited content that no caller changes (the preview image, the OpenAPI document, /health): the request
    /// ends at routing and skips authentication, authorization and the rate limiter, whose work it would throw away. That
    /// is a third of the cost of a cached preview. A handler that must count (a preview's render) asks for permits itself.
    /// </summary>
    public static TBuilder PublicContent<TBuilder>(this TBuilder endpoint) where TBuilder : IEndpointConventionBuilder
    {
        endpoint.ShortCircuit();
        return endpoint;
    }

    /// <summary>
    /// JSON is UTF-8 (RFC 8259 §8.1). A body declared in another charset — or in one that does not exist — is a 415
    /// here, before the framework's JSON reader fails on it with an exception of its own.
    /// </summary>
    private static Task RequireUtf8Json(HttpContext context, RequestDelegate next)
    {
        if (MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var contentType)
            && contentType.Charset.HasValue
            && !contentType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            && !contentType.Charset.Equals("utf8", StringComparison.OrdinalIgnoreCase)
            && context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>() is { } accepts
            && accepts.ContentTypes.Any(type => type.Contains("json", StringComparison.OrdinalIgnoreCase)))
            return ErrorResponses.WriteAsync(context, CommonTexts.UnsupportedCharset);
        return next(context);
    }

    /// <summary>
    /// One line per request. The path only, since query strings can carry tokens (verify-email?token=...), and
    /// percent-encoded, so that a %0A in a URL cannot forge a log line. The logger is made once: every request passes here.
    /// </summary>
    private static async Task LogRequestAsync(ILogger log, HttpContext context, RequestDelegate next)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            if (log.IsEnabled(LogLevel.Information))
                RequestServed(log, context.Request.Method, context.Request.Path.ToUriComponent(), context.Response.StatusCode,
                    Stopwatch.GetElapsedTime(started).TotalMilliseconds, context.ClientIp());
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} -> {Status} in {ElapsedMs:F1} ms from {ClientIp}")]
    private static partial void RequestServed(ILogger log, string method, string path, int status, double elapsedMs, string? clientIp);
}
