using Waitlist.Infrastructure.Email;

namespace Waitlist.Features.Cron.Jobs;

/// <summary>Delivers queued emails (see <see cref="OutboxDelivery"/> for batching, retries and backoff). Runs last.</summary>
public sealed class EmailOutboxJob(OutboxDelivery delivery) : ICronJob
{
    public string Name => "email.outbox";

    public int Order => CronJobOrder.Last;

    public Task<int> RunAsync(CancellationToken cancellationToken) => delivery.DeliverDueAsync(cancellationToken);
}
