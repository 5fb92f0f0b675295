namespace Waitlist.Infrastructure.Health;

/// <summary>
/// Whether PostgreSQL answers. However many requests ask, one probe runs at a time and its answer stands for
/// <see cref="ReuseFor"/>: a load balancer or a burst of uptime checks costs the database one query a second, not
/// one per request. No request waits for a probe, except the first ones after start-up: while a probe runs, the
/// previous answer stands, and a probe answers within <see cref="Timeout"/>, so no answer is more than about 2 s old.
/// </summary>
public sealed class DatabaseProbe(NpgsqlDataSource dataSource, TimeProvider time, ILogger<DatabaseProbe> logger)
{
    public static readonly TimeSpan ReuseFor = TimeSpan.FromSeconds(1);

    /// <summary>A database that has not answered within this counts as unavailable, whatever the connection string's own timeouts.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    private static readonly Task<bool> Available = Task.FromResult(true);
    private static readonly Task<bool> Unavailable = Task.FromResult(false);

    private readonly Lock _lock = new();
    private readonly TaskCompletionSource<bool> _firstAnswer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _running;
    private (bool Available, long At)? _answer;
    private long _probes;

    /// <summary>How many probes have started since start-up.</summary>
    public long Probes => Interlocked.Read(ref _probes);

    public Task<bool> IsAvailableAsync()
    {
        lock (_lock)
        {
            if (_answer is { } fresh && time.GetElapsedTime(fresh.At) < ReuseFor)
                return fresh.Available ? Available : Unavailable;
            if (_running is null)
            {
                _probes++;
                // On the thread pool, so that the probe never runs inside this lock.
                _running = Task.Run(ProbeAsync);
            }
            return _answer is { } last ? (last.Available ? Available : Unavailable) : _firstAnswer.Task;
        }
    }

    private async Task ProbeAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout, time);
        var query = QueryAsync(timeout.Token);
        bool available;
        try
        {
            available = await query.WaitAsync(Timeout, time);
        }
        catch (TimeoutException)
        {
            available = false;
        }
        Answer(available);
        // Npgsql does not always give up when told to: a server that accepted the connection and then went silent
        // holds it until the connection string's Timeout. Until it has given up, this stays the one probe.
        await query;
        lock (_lock)
            _running = null;
    }

    private async Task<bool> QueryAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return true;
        }
        // Whatever stops "SELECT 1" (refused, dropped, cancelled, misconfigured) is the answer "unavailable".
        catch (Exception exception)
        {
            logger.LogDebug("Health probe failed: {Reason}", exception.Message);
            return false;
        }
    }

    private void Answer(bool available)
    {
        bool? previous;
        lock (_lock)
        {
            previous = _answer?.Available;
            _answer = (available, time.GetTimestamp());
        }
        _firstAnswer.TrySetResult(available);
        if (previous == true && !available)
            logger.LogWarning("PostgreSQL stopped answering the health probe; /health answers 503");
        else if (previous == false && available)
            logger.LogInformation("PostgreSQL answers the health probe again");
    }
}
