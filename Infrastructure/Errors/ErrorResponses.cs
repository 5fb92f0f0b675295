using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Waitlist.Infrastructure.Errors;

/// <summary>
/// Writes every error the API answers with, in the shape its caller expects: Better Auth's
/// <c>{ code, message }</c> under <c>/api/auth/*</c> (the dashboard's Better Auth client reads it), the
/// <c>{ error, code, details }</c> contract everywhere else.
/// </summary>
public static class ErrorResponses
{
    public const string AuthPathPrefix = "/api/auth";

    public static JsonHttpResult<ApiError> Result(ErrorKind kind, IReadOnlyList<FieldError>? details = null) =>
        TypedResults.Json(new ApiError(kind.Message, kind.Code, details), statusCode: kind.Status);

    /// <summary>
    /// A request that failed validation: the field errors under the contract's VALIDATION_FAILED elsewhere; under
    /// /api/auth, Better Auth's single <c>{ code, message }</c> of the first failure (VALIDATION_ERROR, PASSWORD_TOO_SHORT, ...).
    /// </summary>
    public static IResult ValidationFailed(HttpContext context, IReadOnlyList<FieldError> details)
    {
        if (context.Request.Path.StartsWithSegments(AuthPathPrefix) && details.Count > 0)
            return TypedResults.Json(new BetterAuthError(details[0].Code, details[0].Message), statusCode: CommonErrors.ValidationFailed.Status);
        return Result(CommonErrors.ValidationFailed, details);
    }

    public static Task WriteAsync(HttpContext context, ErrorKind kind, IReadOnlyList<FieldError>? details = null, string? message = null)
    {
        context.Response.StatusCode = kind.Status;
        var text = message ?? kind.Message;
        if (context.Request.Path.StartsWithSegments(AuthPathPrefix))
            return context.Response.WriteAsJsonAsync(new BetterAuthError(kind.Code, text), context.RequestAborted);

        var traceId = kind.Status >= 500 ? Activity.Current?.Id ?? context.TraceIdentifier : null;
        return context.Response.WriteAsJsonAsync(new ApiError(text, kind.Code, details, traceId), context.RequestAborted);
    }
}

public sealed record BetterAuthError(string Code, string Message);
