namespace Waitlist.Features.Waitlist;

/// <summary>The public count of the waitlist: confirmed entries, in total and by type.</summary>
public sealed record WaitlistCounts(long Total, long Professionals, long Empresas);

/// <summary>
/// The public counter, counted at most once a minute per instance however many visitors ask: one query refreshes it
/// and everyone who asks meanwhile waits for that one. A failed count is not kept, so the next visitor tries again.
/// </summary>
internal sealed class WaitlistCounter(NpgsqlDataSource dataSource, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    private const string CountSql = """
        SELECT count(*) AS total,
               count(*) FILTER (WHERE type = 'professional') AS professionals,
               count(*) FILTER (WHERE type = 'empresa') AS empresas
        FROM waitlist_entries WHERE status = 'confirmed'
        """;

    private readonly Lock _gate = new();
    private Task<WaitlistCounts>? _counts;
    private DateTimeOffset _countedAt;

    public Task<WaitlistCounts> GetAsync()
    {
        lock (_gate)
        {
            if (_counts is null || _counts.IsFaulted || _counts.IsCanceled || time.GetUtcNow() - _countedAt >= Lifetime)
            {
                _counts = CountAsync();
                _countedAt = time.GetUtcNow();
            }
            return _counts;
        }
    }

    // Shared by every caller, so no caller's cancellation may end it.
    private async Task<WaitlistCounts> CountAsync()
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.QuerySingleAsync<WaitlistCounts>(CountSql);
    }
}
