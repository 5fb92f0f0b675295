namespace Waitlist.Infrastructure.Email;

/// <summary>Delivers queued emails (see <see cref="OutboxDelivery"/> for batching, retries and backoff). Runs last.</summary>
internal sealed class EmailOutboxJob(OutboxDelivery delivery) : ICronJob
{
    public string Name => "email.outbox";

    public int Order => CronJobOrder.Last;

    public Task<int> RunAsync(CancellationToken cancellationToken) => delivery.DeliverDueAsync(cancellationToken);
}
