namespace Waitlist.Infrastructure.Errors;

public static class ErrorHandlingSetup
{
    public static IServiceCollection AddErrorHandling(this IServiceCollection services)
    {
        // Minimal APIs answer malformed JSON or a wrong content type with an empty 400/415 unless told to
        // throw; throwing routes those cases through ApiExceptionHandler and its Spanish bodies.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }

    /// <summary>
    /// Exceptions become error bodies; statuses the framework sets without a body (unknown route, wrong
    /// method, a 401/403 from authorization) get one too.
    /// </summary>
    public static IApplicationBuilder UseErrorHandling(this IApplicationBuilder app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = ApiExceptionHandler.HandleAsync,
            // ApiExceptionHandler logs what deserves it; a malformed body is no server error.
            SuppressDiagnosticsCallback = _ => true,
        });
        app.UseStatusCodePages(context =>
        {
            var http = context.HttpContext;
            return ErrorResponses.WriteAsync(http, CommonTexts.ForStatus(http.Response.StatusCode));
        });
        return app;
    }
}
