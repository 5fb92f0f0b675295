using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;

namespace Waitlist.Infrastructure.Errors;

/// <summary>Writes every error the API answers with, in the format of the endpoint that answers (<see cref="IErrorFormat"/>).</summary>
public static class ErrorResponses
{
    public static ErrorResult Result(ErrorKind kind, IReadOnlyList<FieldError>? details = null) => new(kind, details);

    /// <summary>
    /// A request that failed validation: VALIDATION_FAILED with the field errors, unless a failed rule carries an
    /// error of its own (an untrusted redirect is a 403, not a 400).
    /// </summary>
    public static ErrorResult ValidationFailed(IReadOnlyList<FieldError> details, ErrorKind? ruleError = null) =>
        new(ruleError ?? CommonTexts.ValidationFailed, details);

    public static Task WriteAsync(HttpContext context, ErrorKind kind, IReadOnlyList<FieldError>? details = null, string? message = null)
    {
        context.Response.StatusCode = kind.Status;
        var traceId = kind.Status >= 500 ? Activity.Current?.Id ?? context.TraceIdentifier : null;
        var body = FormatOf(context).Body(kind, message ?? kind.Message, details, traceId);
        return context.Response.WriteAsJsonAsync(body, body.GetType(), context.RequestAborted);
    }

    /// <summary>The format of the endpoint being served; the exception handler clears the endpoint but keeps it on its feature.</summary>
    public static IErrorFormat FormatOf(HttpContext context) =>
        (context.GetEndpoint() ?? context.Features.Get<IExceptionHandlerFeature>()?.Endpoint)?.Metadata.GetMetadata<IErrorFormat>()
        ?? ApiErrorFormat.Instance;
}
