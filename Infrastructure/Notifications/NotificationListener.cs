namespace Waitlist.Infrastructure.Notifications;

/// <summary>
/// The process's one PostgreSQL <c>LISTEN</c> connection, shared by every feature that reacts to what other instances
/// do: a dedicated physical connection (never one of the pool's), waiting in <see cref="NpgsqlConnection.WaitAsync(TimeSpan, CancellationToken)"/>
/// and dispatching each notification to the channel's subscribers. When the connection drops (PostgreSQL restarts, a
/// backend is terminated, the network fails) every subscriber hears <see cref="INotificationSubscriber.OnLost"/>, and
/// the listener reconnects with a growing delay (a quarter of a second, doubling up to ten); once the channels are
/// listened to again each hears <see cref="INotificationSubscriber.OnListening"/>. A silent connection is probed every
/// <see cref="Heartbeat"/>, so a dead network is noticed within about 25 s.
/// </summary>
public sealed class NotificationListener(NpgsqlDataSource dataSource, ILogger<NotificationListener> logger) : BackgroundService
{
    /// <summary>The connection's <c>application_name</c>, to find it in <c>pg_stat_activity</c>.</summary>
    public const string ApplicationName = "waitlist-notifications";

    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, NotificationSubscription[]> _channels = new(StringComparer.Ordinal);
    private readonly HashSet<string> _listened = new(StringComparer.Ordinal); // LISTEN done on the current connection
    private readonly HashSet<string> _pending = new(StringComparer.Ordinal);  // with subscriptions not yet told they listen
    private CancellationTokenSource _wake = new();
    private volatile bool _isConnected;

    /// <summary>Whether the listening connection is open now. Each subscription says more precisely whether it receives (<see cref="NotificationSubscription.IsListening"/>).</summary>
    public bool IsConnected => _isConnected;

    /// <summary>
    /// Starts delivering <paramref name="channel"/>'s notifications to <paramref name="subscriber"/>. Delivery begins
    /// with its <see cref="INotificationSubscriber.OnListening"/>, from the listener's loop, as soon as the channel is
    /// listened to (at once when the connection is up); until then, and after any <see cref="INotificationSubscriber.OnLost"/>,
    /// assume notifications are being missed.
    /// </summary>
    public NotificationSubscription Subscribe(string channel, INotificationSubscriber subscriber)
    {
        NotificationChannels.Validate(channel);
        var subscription = new NotificationSubscription(this, channel, subscriber);
        lock (_gate)
        {
            _channels[channel] = _channels.TryGetValue(channel, out var others) ? [.. others, subscription] : [subscription];
            _pending.Add(channel);
        }
        Wake();
        return subscription;
    }

    internal void Unsubscribe(NotificationSubscription subscription)
    {
        lock (_gate)
        {
            subscription.IsListening = false;
            if (!_channels.TryGetValue(subscription.Channel, out var subscriptions))
                return;
            var rest = subscriptions.Where(s => s != subscription).ToArray();
            if (rest.Length > 0)
                _channels[subscription.Channel] = rest;
            else
                _channels.Remove(subscription.Channel); // stays LISTENed until the connection is replaced: harmless
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var stopping = stoppingToken.Register(Wake);
        var retry = FirstRetry;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await OpenAsync(stoppingToken);
                await ListenUntilBrokenAsync(connection, onConnected: () =>
                {
                    if (failures > 0)
                        logger.LogInformation("Listening for notifications again (backend {Pid}).", connection.ProcessID);
                    (retry, failures) = (FirstRetry, 0);
                }, stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // One warning per outage; the retries that follow are debug noise.
                logger.Log(failures++ == 0 ? LogLevel.Warning : LogLevel.Debug,
                    "Not listening for notifications ({Reason}): what depends on them (the session cache) is off until the connection is back. Retrying.",
                    exception.Message);
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                // Stopping: the wait was interrupted, in whatever way the driver reports it.
            }
            finally
            {
                Lose();
            }
            if (!stoppingToken.IsCancellationRequested)
                await Task.Delay(retry + TimeSpan.FromMilliseconds(Random.Shared.Next(0, 100)), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LongestRetry.Ticks));
        }
    }

    /// <summary>A connection of its own, outside the pool (a LISTEN must not be handed to a request) and never multiplexed.</summary>
    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await using var template = dataSource.CreateConnection();
        var settings = new NpgsqlConnectionStringBuilder(template.ConnectionString)
        {
            Pooling = false,
            Multiplexing = false,
            ApplicationName = ApplicationName,
            Timeout = 10,
            CommandTimeout = 10,
        };
        // CloneWith keeps what the connection string does not show: the password, certificate callbacks.
        var connection = template.CloneWith(settings.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <param name="onConnected">Called once the channels subscribed so far are listened to.</param>
    private async Task ListenUntilBrokenAsync(NpgsqlConnection connection, Action onConnected, CancellationToken stoppingToken)
    {
        connection.Notification += (_, notification) => Dispatch(notification.Channel, notification.Payload);
        lock (_gate)
        {
            _listened.Clear();
            _pending.UnionWith(_channels.Keys);
        }
        while (true)
        {
            string[] channels, toListen;
            CancellationToken wake;
            lock (_gate)
            {
                if (_wake.IsCancellationRequested)
                    _wake = new CancellationTokenSource();
                wake = _wake.Token;
                channels = [.. _pending];
                toListen = channels.Where(channel => !_listened.Contains(channel)).ToArray();
            }
            if (toListen.Length > 0)
            {
                // Channel names are validated identifiers (NotificationChannels), so they go into the statement as they are.
                await using var command = new NpgsqlCommand(string.Concat(toListen.Select(channel => $"LISTEN {channel};")), connection);
                await command.ExecuteNonQueryAsync(stoppingToken);
            }
            if (channels.Length > 0)
                Listening(channels);
            if (!_isConnected)
            {
                _isConnected = true;
                onConnected();
            }
            try
            {
                if (!await connection.WaitAsync(Heartbeat, wake))
                {
                    await using var probe = new NpgsqlCommand("SELECT 1", connection);
                    await probe.ExecuteScalarAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // Woken by a new subscription; the connection stays usable.
            }
        }
    }

    /// <summary>Interrupts the wait, to listen to a new channel or to stop.</summary>
    private void Wake()
    {
        CancellationTokenSource wake;
        lock (_gate)
            wake = _wake;
        wake.Cancel(); // outside the lock: cancellation runs the wait's callbacks. The loop replaces a source only once cancelled.
    }

    private void Dispatch(string channel, string payload)
    {
        NotificationSubscription[]? subscriptions;
        lock (_gate)
            _channels.TryGetValue(channel, out subscriptions);
        foreach (var subscription in subscriptions ?? [])
            Notify(subscription, subscriber => subscriber.OnNotification(payload));
    }

    private void Listening(string[] channels)
    {
        var started = new List<NotificationSubscription>();
        lock (_gate)
        {
            _listened.UnionWith(channels);
            _pending.ExceptWith(channels);
            foreach (var channel in channels)
            {
                foreach (var subscription in _channels.GetValueOrDefault(channel) ?? [])
                {
                    if (!subscription.IsListening)
                        started.Add(subscription);
                    subscription.IsListening = true;
                }
            }
        }
        foreach (var subscription in started)
            Notify(subscription, subscriber => subscriber.OnListening());
    }

    private void Lose()
    {
        _isConnected = false;
        List<NotificationSubscription> lost;
        lock (_gate)
        {
            _listened.Clear();
            lost = _channels.Values.SelectMany(subscriptions => subscriptions).Where(subscription => subscription.IsListening).ToList();
            foreach (var subscription in lost)
                subscription.IsListening = false;
        }
        foreach (var subscription in lost)
            Notify(subscription, subscriber => subscriber.OnLost());
    }

    private void Notify(NotificationSubscription subscription, Action<INotificationSubscriber> call)
    {
        try
        {
            call(subscription.Subscriber);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "A subscriber of the {Channel} notifications failed.", subscription.Channel);
        }
    }
}
