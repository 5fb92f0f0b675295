namespace Waitlist.Infrastructure.Errors;

/// <summary>The error body of the API's own endpoints (<see cref="ApiErrorFormat"/>): a Spanish message and a stable code.</summary>
public sealed record ApiError(
    string Error,
    string Code,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<FieldError>? Details = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TraceId = null);

public sealed record FieldError(string Field, string Code, string Message);
