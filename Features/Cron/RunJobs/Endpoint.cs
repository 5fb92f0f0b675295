using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Errors;

namespace Waitlist.Features.Cron.RunJobs;

/// <summary>
/// <c>POST /api/cron</c> runs every job, <c>?job=&lt;name&gt;</c> one of them. <c>GET</c> does the same because
/// Vercel Cron sends GET. Token-protected (<see cref="CronSecretFilter"/>) and, unlike the public endpoints,
/// not rate limited.
/// </summary>
public sealed class Endpoint : IEndpoint
{
    public const string Path = "/api/cron";

    public void Map(IEndpointRouteBuilder app)
    {
        Describe(app.MapPost(Path, HandleAsync).WithName("RunCronJobs"));
        Describe(app.MapGet(Path, HandleAsync).WithName("RunCronJobsGet"));
    }

    private static void Describe(RouteHandlerBuilder route) => route
        .WithTags("Operación")
        .WithSummary("Ejecutar las tareas programadas")
        .WithDescription(
            "Para un programador externo (Vercel Cron, GitHub Actions, crontab con curl). Sin «job» ejecuta todas las tareas; " +
            "con «job» solo esa. Cada tarea toma un bloqueo en PostgreSQL: si otra llamada ya la está ejecutando, se informa como «skipped». " +
            "Una tarea que falla se informa como «failed» y las demás se ejecutan igualmente. GET y POST hacen lo mismo.")
        .AddEndpointFilter<CronSecretFilter>()
        .Produces<Response>()
        .Produces<ApiError>(StatusCodes.Status401Unauthorized)
        .Produces<ApiError>(StatusCodes.Status404NotFound)
        .Produces<ApiError>(StatusCodes.Status503ServiceUnavailable);

    private static async Task<Results<Ok<Response>, JsonHttpResult<ApiError>>> HandleAsync(
        [FromQuery(Name = "job"), Description("Nombre de una sola tarea (p. ej. sessions.cleanup). Sin él se ejecutan todas.")] string? job,
        Handler handler, HttpResponse response)
    {
        // A GET that does work: no proxy or browser may answer it from a cache.
        response.Headers.CacheControl = "no-store";
        var selected = handler.Select(job);
        if (selected is null)
            return ErrorResponses.Result(CronTexts.UnknownJob);
        return TypedResults.Ok(await handler.RunAsync(selected));
    }
}
