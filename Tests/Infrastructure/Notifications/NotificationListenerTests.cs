using Waitlist.Infrastructure.Database;
using Waitlist.Infrastructure.Notifications;

namespace Waitlist.Tests.Infrastructure.Notifications;

public sealed class NotificationListenerTests(ApiFixture fixture) : ApiTests<ApiFixture>(fixture)
{
    [Fact]
    public async Task A_notification_is_delivered_when_its_transaction_commits_and_never_when_it_rolls_back()
    {
        using var probe = new NotificationProbe(Api, "test_commit");
        await probe.ListeningAsync();
        await using var scope = Api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbScope>();
        var publisher = scope.ServiceProvider.GetRequiredService<NotificationPublisher>();

        await using (await db.BeginTransactionAsync(CancellationToken.None))
            await publisher.PublishAsync("test_commit", ["rolled-back"], CancellationToken.None);
        await db.InTransactionAsync(async () =>
        {
            await publisher.PublishAsync("test_commit", ["first", "second"], CancellationToken.None);
            return 0;
        }, CancellationToken.None);
        await Api.DeliveredAsync();

        Assert.Equal(["first", "second"], probe.Payloads);
    }

    [Fact]
    public async Task Publishing_outside_a_transaction_or_more_than_ids_is_refused()
    {
        await using var scope = Api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbScope>();
        var publisher = scope.ServiceProvider.GetRequiredService<NotificationPublisher>();

        await Assert.ThrowsAsync<InvalidOperationException>(() => publisher.PublishAsync("test_refused", ["id"], CancellationToken.None));
        await using var transaction = await db.BeginTransactionAsync(CancellationToken.None);
        await Assert.ThrowsAsync<ArgumentException>(() => publisher.PublishAsync("test_refused", [new string('x', 8000)], CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => publisher.PublishAsync("Test; DROP TABLE users", ["id"], CancellationToken.None));
    }

    [Fact]
    public async Task A_lost_connection_is_reported_and_listening_resumes_on_a_new_one()
    {
        using var probe = new NotificationProbe(Api, "test_reconnect");
        await probe.ListeningAsync();
        Assert.Equal((1, 0), (probe.Listened, probe.Lost));

        await Api.TerminateListenersAsync();
        await Conditions.WaitUntilAsync(() => probe.Lost == 1 && probe.Listened == 2);

        Assert.True(probe.IsListening);
        Assert.True(Api.Services.GetRequiredService<NotificationListener>().IsConnected);
        await using (var db = await Api.OpenDatabaseAsync())
            await db.ExecuteAsync("SELECT pg_notify('test_reconnect', 'after')");
        await probe.ReceivedAsync("after");
    }
}
