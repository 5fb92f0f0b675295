using Microsoft.AspNetCore.Diagnostics;

namespace Waitlist.Infrastructure.Errors;

/// <summary>
/// Turns every exception that escapes an endpoint into the error contract: the framework's own
/// <see cref="BadHttpRequestException"/>s (malformed JSON, wrong content type, body too large) into 4xx,
/// an unreachable database into 503, anything else into a 500 that tells the caller nothing but a trace id.
/// </summary>
public static class ApiExceptionHandler
{
    public static async Task HandleAsync(HttpContext context)
    {
        var exception = context.Features.Get<IExceptionHandlerFeature>()!.Error;
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiExceptionHandler));
        switch (exception)
        {
            case BadHttpRequestException { InnerException: JsonException }:
                await ErrorResponses.WriteAsync(context, CommonTexts.InvalidJson);
                break;
            case BadHttpRequestException bad:
                await ErrorResponses.WriteAsync(context, bad.StatusCode switch
                {
                    StatusCodes.Status413PayloadTooLarge => CommonTexts.PayloadTooLarge,
                    StatusCodes.Status415UnsupportedMediaType => CommonTexts.UnsupportedMediaType,
                    _ => CommonTexts.InvalidRequest,
                });
                break;
            case var _ when DatabaseErrors.IsInvalidText(exception):
                await ErrorResponses.WriteAsync(context, CommonTexts.InvalidText);
                break;
            case var _ when DatabaseErrors.IsRejectedInput(exception):
                logger.LogWarning("PostgreSQL rejected the input of {Method} {Path}: {Reason}", context.Request.Method, context.Request.Path.ToUriComponent(), exception.Message);
                await ErrorResponses.WriteAsync(context, CommonTexts.ValidationFailed);
                break;
            case var _ when DatabaseErrors.IsUnavailable(exception):
                logger.LogWarning("Database unavailable while serving {Method} {Path}: {Reason}", context.Request.Method, context.Request.Path.ToUriComponent(), exception.Message);
                await ErrorResponses.WriteAsync(context, CommonTexts.DatabaseUnavailable);
                break;
            default:
                logger.LogError(exception, "Unhandled exception while serving {Method} {Path}", context.Request.Method, context.Request.Path.ToUriComponent());
                await ErrorResponses.WriteAsync(context, CommonTexts.Internal);
                break;
        }
    }
}
