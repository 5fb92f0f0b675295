namespace Waitlist.Features.Auth;

/// <summary>Better Auth's error body, which the dashboard's Better Auth client reads.</summary>
public sealed record BetterAuthError(string Code, string Message);

/// <summary>
/// The error format of every /api/auth route (set on <see cref="AuthRoutes"/>): <c>{ code, message }</c>, one failure
/// at a time, as Better Auth answers; a 429 also carries <c>X-Retry-After</c>, the header its client reads.
/// </summary>
internal sealed class BetterAuthErrorFormat : IErrorFormat
{
    public static readonly BetterAuthErrorFormat Instance = new();

    public Type BodyType => typeof(BetterAuthError);

    public object Body(ErrorKind kind, string message, IReadOnlyList<FieldError>? details, ErrorFacts? facts, string? traceId) =>
        kind == CommonTexts.ValidationFailed && details is [var first, ..]
            ? new BetterAuthError(first.Code, first.Message)
            : new BetterAuthError(kind.Code, message);

    public void AddRateLimitHeaders(HttpResponse response, int retryAfterSeconds) =>
        response.Headers["X-Retry-After"] = retryAfterSeconds.ToString();
}
