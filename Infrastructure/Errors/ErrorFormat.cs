using Microsoft.AspNetCore.Http.Metadata;

namespace Waitlist.Infrastructure.Errors;

/// <summary>
/// Endpoint metadata: how an area of the API words its errors. A route group sets it for all of its endpoints, so
/// nothing here looks at paths; endpoints without it answer <see cref="ApiErrorFormat"/>.
/// </summary>
public interface IErrorFormat
{
    /// <summary>The type of the JSON body, for the OpenAPI document.</summary>
    Type BodyType { get; }

    /// <param name="facts">
    /// What the error knows beyond its message — when a token expired, which role the endpoint requires — for the formats
    /// that tell it (<c>{ details: { expired_at } }</c>); null for most errors, and formats without a place for it leave it out.
    /// </param>
    object Body(ErrorKind kind, string message, IReadOnlyList<FieldError>? details, ErrorFacts? facts, string? traceId);

    /// <summary>Headers this area's clients read on a 429 besides <c>Retry-After</c>.</summary>
    void AddRateLimitHeaders(HttpResponse response, int retryAfterSeconds)
    {
    }
}

/// <summary>The error contract of DESIGN.md: <c>{ error, code, details?, traceId? }</c>.</summary>
public sealed class ApiErrorFormat : IErrorFormat
{
    public static readonly ApiErrorFormat Instance = new();

    public Type BodyType => typeof(ApiError);

    public object Body(ErrorKind kind, string message, IReadOnlyList<FieldError>? details, ErrorFacts? facts, string? traceId) =>
        new ApiError(message, kind.Code, details, traceId);
}

/// <summary>Named values an error carries besides its message (<c>expired_at</c>, <c>required_role</c>), as the JSON names them.</summary>
public sealed class ErrorFacts : Dictionary<string, object?>
{
    public ErrorFacts() : base(StringComparer.Ordinal)
    {
    }
}

public static class ErrorFormatExtensions
{
    /// <summary>Documents error responses in the body the endpoint's area answers with (read once all conventions ran).</summary>
    public static TBuilder ProducesErrors<TBuilder>(this TBuilder builder, params int[] statuses) where TBuilder : IEndpointConventionBuilder
    {
        builder.Finally(endpoint =>
        {
            var format = endpoint.Metadata.OfType<IErrorFormat>().LastOrDefault() ?? ApiErrorFormat.Instance;
            // A status the endpoint documents itself keeps its own body (/health's 503 is a HealthStatus).
            var documented = endpoint.Metadata.OfType<IProducesResponseTypeMetadata>().Select(produced => produced.StatusCode).ToHashSet();
            foreach (var status in statuses.Where(status => !documented.Contains(status)))
                endpoint.Metadata.Add(new ProducesResponseTypeMetadata(status, format.BodyType, ["application/json"]));
        });
        return builder;
    }

    public static TBuilder WithErrorFormat<TBuilder>(this TBuilder builder, IErrorFormat format) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(format);
}
