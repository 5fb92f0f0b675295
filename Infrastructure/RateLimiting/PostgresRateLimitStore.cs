namespace Waitlist.Infrastructure.RateLimiting;

/// <summary>
/// Counters in PostgreSQL's UNLOGGED <c>rate_limit_windows</c> table, shared by every instance on the database: one
/// upsert per limited request (or per batch of one client's simultaneous requests: <see cref="StoreRateLimiter"/>),
/// one round trip, windows timed by the database's clock. When PostgreSQL does not answer, the limiter must neither fail the request nor stop limiting: the hit is counted in this instance's memory instead
/// (<see cref="MemoryRateLimitStore"/>), for <see cref="FallbackFor"/> before one request tries the database again
/// (the others keep counting in memory meanwhile, so none waits on a database that does not answer). Limits then hold
/// per instance, and the endpoint answers what it answers without a database (a 503 if it needs one).
/// </summary>
/// <remarks>The store works outside any request's <c>DbScope</c>: a hit counts whatever the request does next.</remarks>
public sealed class PostgresRateLimitStore(NpgsqlDataSource dataSource, MemoryRateLimitStore fallback, TimeProvider time, ILogger<PostgresRateLimitStore> logger)
    : IRateLimitStore
{
    private static readonly TimeSpan FallbackFor = TimeSpan.FromSeconds(5);

    // A new window when the last one has ended; the count saturates rather than overflow under a flood.
    private const string HitSql = """
        INSERT INTO rate_limit_windows AS w (key, hits, resets_at) VALUES ($1, $3, now() + $2)
        ON CONFLICT (key) DO UPDATE SET
            hits = CASE WHEN w.resets_at <= now() THEN excluded.hits ELSE least(w.hits::bigint + excluded.hits, 2147483647)::int END,
            resets_at = CASE WHEN w.resets_at <= now() THEN excluded.resets_at ELSE w.resets_at END
        RETURNING hits, resets_at
        """;

    private const string RemoveExpiredSql = "DELETE FROM rate_limit_windows WHERE resets_at <= now()";

    private long _fallbackUntilTicks;
    private int _isFallingBack;
    private int _isProbing;

    public async ValueTask<RateLimitCounter> HitAsync(string key, int hits, TimeSpan window, CancellationToken cancellationToken)
    {
        // While PostgreSQL is failing, one request at a time finds out whether it is back; the others do not wait for it.
        var failing = Volatile.Read(ref _isFallingBack) == 1;
        if (failing && (time.GetUtcNow().UtcTicks < Interlocked.Read(ref _fallbackUntilTicks) || Interlocked.Exchange(ref _isProbing, 1) == 1))
            return await fallback.HitAsync(key, hits, window, cancellationToken);
        try
        {
            var counter = await CountAsync(key, hits, window, cancellationToken);
            if (Interlocked.Exchange(ref _isFallingBack, 0) == 1)
                logger.LogInformation("Rate limits are counted in PostgreSQL again, shared by every instance.");
            return counter;
        }
        catch (Exception exception) when (DatabaseErrors.IsUnavailable(exception))
        {
            Interlocked.Exchange(ref _fallbackUntilTicks, (time.GetUtcNow() + FallbackFor).UtcTicks);
            if (Interlocked.Exchange(ref _isFallingBack, 1) == 0)
                logger.LogWarning("PostgreSQL does not answer ({Reason}): rate limits are counted in this instance's memory until it does.", exception.Message);
            return await fallback.HitAsync(key, hits, window, cancellationToken);
        }
        finally
        {
            if (failing) // this request was the one probing
                Volatile.Write(ref _isProbing, 0);
        }
    }

    public async ValueTask<int> RemoveExpiredAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(RemoveExpiredSql);
        return await command.ExecuteNonQueryAsync(cancellationToken) + await fallback.RemoveExpiredAsync(cancellationToken);
    }

    private async Task<RateLimitCounter> CountAsync(string key, int hits, TimeSpan window, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(HitSql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
        command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = window });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = hits });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new RateLimitCounter(reader.GetInt32(0), reader.GetFieldValue<DateTimeOffset>(1));
    }
}
