namespace Waitlist.Features.Auth.Tokens;

/// <summary>The token API's error body: <c>{ status: "error", code, message, details? }</c>.</summary>
/// <param name="Details">The field errors of a request that failed validation, or what the error knows (<c>expired_at</c>, <c>required_role</c> and <c>user_role</c>).</param>
internal sealed record TokenError(
    string Status,
    string Code,
    string Message,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] object? Details,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TraceId);

/// <summary>The error format of /api/token (set on its route group by <see cref="TokenRoutes"/>).</summary>
internal sealed class TokenErrorFormat : IErrorFormat
{
    public static readonly TokenErrorFormat Instance = new();

    public Type BodyType => typeof(TokenError);

    public object Body(ErrorKind kind, string message, IReadOnlyList<FieldError>? details, ErrorFacts? facts, string? traceId) =>
        new TokenError("error", kind.Code, message, (object?)facts ?? details, traceId);
}
