namespace Waitlist.Infrastructure.Scheduling;

/// <summary>
/// One scheduled job, living in the feature whose data it touches; the Cron feature finds every implementation and
/// runs them when <c>/api/cron</c> is called. A job must be idempotent — running it twice in a row does no harm and no
/// double work — because schedulers retry and overlap; the runner already keeps two runs of one job apart.
/// Implementations are registered by <see cref="CronJobDiscovery.AddCronJobs"/>: adding a job is adding one class.
/// </summary>
public interface ICronJob
{
    /// <summary>The name callers use in <c>?job=</c>, dotted: <c>area.what</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Jobs run in ascending order, then by name. Jobs that queue emails run before <c>email.outbox</c>
    /// (<see cref="CronJobOrder.Last"/>), so what they queue leaves in the same call.
    /// </summary>
    int Order => CronJobOrder.Default;

    /// <returns>How many rows or messages the run affected (deleted, archived, sent...).</returns>
    Task<int> RunAsync(CancellationToken cancellationToken);
}

public static class CronJobOrder
{
    public const int Default = 0;
    public const int Last = 100;
}

public static class CronJobDiscovery
{
    /// <summary>Every job in the assembly, scoped: a run gets its own database scope; and the settings of the jobs that report.</summary>
    public static IServiceCollection AddCronJobs(this IServiceCollection services)
    {
        services.AddSettings<ReportSettings>("Reports").BindList("Reports:Recipients", (reports, recipients) => reports.Recipients = recipients);
        foreach (var job in Endpoints.EndpointDiscovery.ConcreteTypes<ICronJob>())
            services.AddScoped(typeof(ICronJob), job);
        return services;
    }
}
