namespace Waitlist.Infrastructure.Errors;

/// <summary>An error answer, in the format of the endpoint that gives it (<see cref="IErrorFormat"/>).</summary>
public sealed class ErrorResult(ErrorKind kind, IReadOnlyList<FieldError>? details = null) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext) => ErrorResponses.WriteAsync(httpContext, kind, details);
}
