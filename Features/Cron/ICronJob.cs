namespace Waitlist.Features.Cron;

/// <summary>
/// One scheduled job. Implementations under <c>Jobs/</c> are discovered (<see cref="CronSetup.AddCron"/>):
/// adding a job is adding one file. A job must be idempotent — running it twice in a row does no harm and no
/// double work — because schedulers retry and overlap; the runner already keeps two runs of one job apart.
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
