using Dapper;
using Npgsql;

namespace Waitlist.Features.Cron.Jobs;

/// <summary>Deletes expired sessions and expired single-use tokens (email verification, password reset).</summary>
public sealed class SessionsCleanupJob(NpgsqlDataSource dataSource) : ICronJob
{
    private const string DeleteExpiredSql = """
        WITH expired_sessions AS (DELETE FROM sessions WHERE expires_at <= now() RETURNING 1),
             expired_tokens AS (DELETE FROM verifications WHERE expires_at <= now() RETURNING 1)
        SELECT (SELECT count(*) FROM expired_sessions) + (SELECT count(*) FROM expired_tokens)
        """;

    public string Name => "sessions.cleanup";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (int)await connection.ExecuteScalarAsync<long>(new CommandDefinition(DeleteExpiredSql, cancellationToken: cancellationToken));
    }
}
