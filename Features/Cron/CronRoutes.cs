using System.ComponentModel;
using Waitlist.Features.Cron.RunJobs;
using Microsoft.AspNetCore.Mvc;

namespace Waitlist.Features.Cron;

/// <summary>
/// <c>POST /api/cron</c> runs every job, <c>?job=&lt;name&gt;</c> one of them. <c>GET</c> does the same because
/// Vercel Cron sends GET. Token-protected (<see cref="CronSecretFilter"/>) and, unlike the public endpoints,
/// not rate limited.
/// </summary>
internal sealed class CronRoutes : IEndpoint
{
    public const string Path = "/api/cron";

    public void Map(IEndpointRouteBuilder app)
    {
        var cron = app.MapGroup(Path)
            .WithTags(CronTexts.Tag)
            .AddEndpointFilter<CronSecretFilter>()
            .ProducesErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound);

        foreach (var (method, name) in new[] { (HttpMethods.Post, "RunCronJobs"), (HttpMethods.Get, "RunCronJobsGet") })
            cron.MapMethods("", [method], ([FromQuery(Name = "job"), Description(CronTexts.JobParameter)] string? job, Handler handler, HttpResponse response) =>
                    handler.HandleAsync(job, response))
                .Describe(name, CronTexts.RunSummary, CronTexts.RunDescription);
    }
}
