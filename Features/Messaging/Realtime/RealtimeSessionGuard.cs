using System.Threading.Channels;

namespace Waitlist.Features.Messaging.Realtime;

/// <summary>
/// Closes the hub connections whose session has ended — signed out, revoked, expired, or its account banned or deleted —
/// on whichever instance that happened. Auth says whose account or sessions changed (<see cref="SessionChanges"/>, at
/// the commit on every instance); the guard then asks Auth which of those connections' sessions are still live and
/// aborts the others, within a moment. It checks every connection when Auth's news may have been missed, and every
/// <see cref="SweepInterval"/> for expiries and changes made by hand in the database.
/// </summary>
internal sealed class RealtimeSessionGuard : BackgroundService
{
    public static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private readonly SessionChanges _changes;
    private readonly RealtimeConnections _connections;
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<RealtimeSessionGuard> _logger;

    /// <summary>Users whose connections to check; null: every connection.</summary>
    private readonly Channel<string?> _checks = Channel.CreateUnbounded<string?>(new UnboundedChannelOptions { SingleReader = true });

    public RealtimeSessionGuard(SessionChanges changes, RealtimeConnections connections, IServiceScopeFactory scopes, ILogger<RealtimeSessionGuard> logger)
    {
        (_changes, _connections, _scopes, _logger) = (changes, connections, scopes, logger);
        _changes.UserChanged += OnUserChanged;
        _changes.ChangesMissed += CheckEveryone;
    }

    private void OnUserChanged(string userId)
    {
        if (_connections.Of(userId).Count > 0)
            _checks.Writer.TryWrite(userId);
    }

    private void CheckEveryone() => _checks.Writer.TryWrite(null);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var sweep = new Timer(_ => CheckEveryone(), null, SweepInterval, SweepInterval);
        try
        {
            while (await _checks.Reader.WaitToReadAsync(stoppingToken))
            {
                var users = new HashSet<string>(StringComparer.Ordinal);
                var everyone = false;
                while (_checks.Reader.TryRead(out var userId))
                {
                    if (userId is null)
                        everyone = true;
                    else
                        users.Add(userId);
                }
                var connections = everyone ? _connections.All() : users.SelectMany(_connections.Of).ToList();
                await CloseEndedAsync(connections, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task CloseEndedAsync(IReadOnlyList<RealtimeConnection> connections, CancellationToken stoppingToken)
    {
        if (connections.Count == 0)
            return;
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var directory = scope.ServiceProvider.GetRequiredService<UserDirectory>();
            var live = await directory.LiveSessionIdsAsync(connections.Select(connection => connection.SessionId).Distinct().ToList(), stoppingToken);
            var ended = connections.Where(connection => !live.Contains(connection.SessionId)).ToList();
            foreach (var connection in ended)
                connection.Context.Abort();
            if (ended.Count > 0)
                _logger.LogInformation("Closed {Count} real-time connections whose session has ended.", ended.Count);
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            // The next change or sweep checks again.
            _logger.LogWarning("Could not check the sessions of {Count} real-time connections ({Reason}).", connections.Count, exception.Message);
        }
    }

    public override void Dispose()
    {
        _changes.UserChanged -= OnUserChanged;
        _changes.ChangesMissed -= CheckEveryone;
        base.Dispose();
    }
}
