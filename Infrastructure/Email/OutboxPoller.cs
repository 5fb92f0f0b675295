namespace Waitlist.Infrastructure.Email;

/// <summary>
/// Delivers the outbox every <see cref="OutboxSettings.PollSeconds"/> from inside the API, so a password-reset link
/// arrives within seconds rather than at the scheduler's next call. The cron job <c>email.outbox</c> remains the
/// backstop; both claim rows with SKIP LOCKED, so they never send a message twice.
/// </summary>
public sealed class OutboxPoller(OutboxDelivery delivery, OutboxSettings settings, ILogger<OutboxPoller> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings.PollSeconds <= 0)
            return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(settings.PollSeconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await delivery.DeliverDueAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // Failures are already recorded per message; the next tick tries again.
                logger.LogWarning("Outbox delivery failed: {Reason}", exception.Message);
            }
        }
    }
}
