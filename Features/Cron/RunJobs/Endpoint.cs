using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Errors;

namespace Waitlist.Features.Cron.RunJobs;

/// <summary>
/// <c>POST /api/cron</c> runs every job, <c>?job=&lt;name&gt;</c> one of them. <c>GET</c> does the same because
/// Vercel Cron sends GET. Token-protected (<see cref="CronSecretFilter"/>) and, unlike the public endpoints,
/// not rate limited.
/// </summary>
internal sealed class Endpoint : IEndpoint
{
    public const string Path = "/api/cron";

    public void Map(IEndpointRouteBuilder app)
    {
        foreach (var (method, name) in new[] { (HttpMethods.Post, "RunCronJobs"), (HttpMethods.Get, "RunCronJobsGet") })
            Describe(app.MapMethods(Path, [method],
                    ([FromQuery(Name = "job"), Description(CronTexts.JobParameter)] string? job, Handler handler, HttpResponse response) => handler.HandleAsync(job, response))
                .WithName(name));
    }

    private static void Describe(RouteHandlerBuilder route) => route
        .WithTags(CronTexts.Tag)
        .WithSummary(CronTexts.RunSummary)
        .WithDescription(CronTexts.RunDescription)
        .AddEndpointFilter<CronSecretFilter>()
        .ProducesErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound);
}
