using System.Net.Sockets;
using Npgsql;

namespace Waitlist.Infrastructure.Health;

/// <summary>
/// Whether PostgreSQL answers. However many requests ask, one probe runs at a time and its answer is reused for
/// <see cref="ReuseFor"/>: a load balancer or a burst of uptime checks costs the database one query a second,
/// not one per request.
/// </summary>
public sealed class DatabaseProbe(NpgsqlDataSource dataSource, TimeProvider time)
{
    public static readonly TimeSpan ReuseFor = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A database that does not answer within this counts as unavailable: with <see cref="ReuseFor"/>, a stopped or
    /// hung database turns /health into a 503 within about 2 s, whatever the connection string's own timeouts.
    /// </summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    private readonly Lock _lock = new();
    private Task<bool>? _running;
    private long _runningSince;
    private (bool Available, long At)? _answer;
    private long _probes;

    /// <summary>How many probes have run since start-up.</summary>
    public long Probes => Interlocked.Read(ref _probes);

    public async Task<bool> IsAvailableAsync()
    {
        Task<bool> running;
        TimeSpan left;
        lock (_lock)
        {
            if (_answer is { } answer && time.GetElapsedTime(answer.At) < ReuseFor)
                return answer.Available;
            if (_running is null)
            {
                // On the thread pool, so that the probe never runs (or finishes) inside this lock.
                _running = Task.Run(ProbeAsync);
                _runningSince = time.GetTimestamp();
            }
            running = _running;
            left = Timeout - time.GetElapsedTime(_runningSince);
        }
        try
        {
            return await running.WaitAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero, time);
        }
        catch (TimeoutException)
        {
            // Npgsql does not always give up when told to (a server that accepted the connection and then went
            // silent holds it until the connection string's Timeout), so the probe may run on; it stays the one
            // probe in flight, and until it ends every caller hears "unavailable" at once.
            Answer(false);
            return false;
        }
    }

    private async Task<bool> ProbeAsync()
    {
        Interlocked.Increment(ref _probes);
        bool available;
        using var timeout = new CancellationTokenSource(Timeout, time);
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(timeout.Token);
            available = true;
        }
        catch (Exception exception) when (exception is NpgsqlException or SocketException or TimeoutException or OperationCanceledException)
        {
            available = false;
        }
        lock (_lock)
            _running = null;
        Answer(available);
        return available;
    }

    private void Answer(bool available)
    {
        lock (_lock)
            _answer = (available, time.GetTimestamp());
    }
}
