namespace Waitlist.Infrastructure.Notifications;

/// <summary>
/// Sends notifications through <c>pg_notify</c> in the request's <see cref="DbScope"/>, inside the transaction of the
/// change they announce: PostgreSQL delivers them to every listening instance (this one included) when that transaction
/// commits, and never if it rolls back. A use case without a transaction of its own wraps the change and the publish in
/// <see cref="DbScope.InTransactionAsync{T}"/>.
/// </summary>
public sealed class NotificationPublisher(DbScope db)
{
    // PostgreSQL folds identical notifications (same channel and payload) of one transaction into one.
    private const string NotifySql = "SELECT pg_notify(@Channel, payload) FROM unnest(@Payloads) AS payload";

    /// <param name="payloads">One notification each; ids, never more than <see cref="NotificationChannels.MaxPayloadBytes"/>.</param>
    public async Task PublishAsync(string channel, IReadOnlyCollection<string> payloads, CancellationToken cancellationToken)
    {
        NotificationChannels.Validate(channel);
        foreach (var payload in payloads)
            NotificationChannels.ValidatePayload(channel, payload);
        if (!db.InTransaction)
            throw new InvalidOperationException(
                $"Publish on {channel} inside the transaction of the change it announces (DbScope.InTransactionAsync), so that it is sent when the change commits and never for one rolled back.");
        if (payloads.Count > 0)
            await db.ExecuteAsync(NotifySql, new { Channel = channel, Payloads = payloads.ToArray() }, cancellationToken);
    }
}
