using Waitlist.Infrastructure.Notifications;

namespace Waitlist.Tests.Support;

/// <summary>Telling an API's listener from a test: waiting for deliveries, losing the connection.</summary>
public static class NotificationTestApi
{
    /// <summary>
    /// Returns once <paramref name="receiver"/> has been delivered every notification committed before the call.
    /// PostgreSQL delivers a channel's notifications to each listener in commit order, and the listener hands them to
    /// subscribers in that order: once a marker sent now has arrived, so has everything before it. Delivery is
    /// asynchronous (well under a millisecond on one machine), so a test about another instance waits for it rather
    /// than racing it.
    /// </summary>
    public static async Task DeliveredAsync(this ApiFactory receiver)
    {
        using var probe = new NotificationProbe(receiver, "test_delivered");
        await probe.ListeningAsync();
        var marker = Guid.NewGuid().ToString("N");
        await using (var db = await receiver.OpenDatabaseAsync())
            await db.ExecuteAsync("SELECT pg_notify('test_delivered', @marker)", new { marker });
        await probe.ReceivedAsync(marker);
    }

    /// <summary>Terminates the listening connections of every API on <paramref name="api"/>'s database, as a PostgreSQL restart would.</summary>
    public static async Task TerminateListenersAsync(this ApiFactory api)
    {
        await using var db = await api.OpenDatabaseAsync();
        var terminated = await db.ExecuteScalarAsync<long>("""
            SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity
            WHERE datname = current_database() AND application_name = @name
            """, new { name = NotificationListener.ApplicationName });
        Assert.True(terminated > 0, "No listening connection to terminate.");
    }
}
