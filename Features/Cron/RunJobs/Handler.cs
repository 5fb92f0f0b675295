using System.Buffers.Binary;
using System.Diagnostics;
using System.Security.Cryptography;

namespace Waitlist.Features.Cron.RunJobs;

/// <summary>
/// Runs jobs one after the other. Each run holds a Postgres advisory lock named after its job on a connection
/// of its own, so two overlapping calls (on one instance or several) never run one job twice at once: the
/// second finds the lock taken and reports <c>skipped</c>. A job that throws is reported <c>failed</c> and the
/// next one still runs. Every run, skipped ones included, leaves a row in <c>cron_runs</c>.
/// </summary>
internal sealed class Handler(
    IEnumerable<ICronJob> jobs, NpgsqlDataSource dataSource, DbScope db, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<Handler> logger) : IHandler
{
    private const string TryLockSql = "SELECT pg_try_advisory_lock(@key)";
    private const string UnlockSql = "SELECT pg_advisory_unlock(@key)";
    private const string RecordSql = """
        INSERT INTO cron_runs (job, status, affected, duration_ms, error, started_at)
        VALUES (@Job, @Status, @Affected, @DurationMs, @Error, @StartedAt)
        RETURNING id
        """;
    private const int MaxStoredErrorLength = 2000;

    /// <param name="name">One job's name; every job, in run order, when empty.</param>
    public async Task<Results<Ok<Response>, ErrorResult>> HandleAsync(string? name, HttpResponse response)
    {
        // A GET that does work: no proxy or browser may answer it from a cache.
        response.Headers.CacheControl = "no-store";
        var ordered = jobs.OrderBy(job => job.Order).ThenBy(job => job.Name, StringComparer.Ordinal).ToList();
        var selected = string.IsNullOrWhiteSpace(name) ? ordered : ordered.Where(job => job.Name == name.Trim()).ToList();
        if (selected.Count == 0)
            return ErrorResponses.Result(CronTexts.UnknownJob);

        // Jobs are not cut short when the scheduler hangs up (Vercel Cron and curl time out); only a shutdown stops them.
        var cancellationToken = lifetime.ApplicationStopping;
        var ranAt = time.GetUtcNow();
        var runs = new List<JobRun>(selected.Count);
        foreach (var job in selected)
            runs.Add(await RunOneAsync(job, cancellationToken));
        return TypedResults.Ok(new Response(ranAt, runs));
    }

    /// <summary>The advisory lock key of a job: stable across instances and releases, distinct per name.</summary>
    internal static long LockKey(string jobName) =>
        BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes("waitlist.cron:" + jobName)));

    private async Task<JobRun> RunOneAsync(ICronJob job, CancellationToken cancellationToken)
    {
        var startedAt = time.GetUtcNow();
        var clock = Stopwatch.StartNew();
        var key = LockKey(job.Name);
        await using var lockConnection = await dataSource.OpenConnectionAsync(cancellationToken);

        if (!await lockConnection.ExecuteScalarAsync<bool>(new CommandDefinition(TryLockSql, new { key }, cancellationToken: cancellationToken)))
        {
            logger.LogInformation("Cron job {Job} skipped: another call is running it", job.Name);
            return await RecordAsync(new RunOutcome(job.Name, JobStatus.Skipped, 0, null), startedAt, clock);
        }

        RunOutcome outcome;
        try
        {
            var affected = await job.RunAsync(cancellationToken);
            outcome = new RunOutcome(job.Name, JobStatus.Ok, affected, null);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(exception, "Cron job {Job} failed", job.Name);
            outcome = new RunOutcome(job.Name, JobStatus.Failed, 0, Truncate($"{exception.GetType().Name}: {exception.Message}"));
        }
        finally
        {
            await ReleaseAsync(lockConnection, key, job.Name);
        }
        return await RecordAsync(outcome, startedAt, clock);
    }

    /// <summary>
    /// Released on the session that took it. If that connection broke during the job, the server already released
    /// the lock with the session, and the job's own outcome is what must be reported.
    /// </summary>
    private async Task ReleaseAsync(NpgsqlConnection lockConnection, long key, string jobName)
    {
        try
        {
            await lockConnection.ExecuteAsync(UnlockSql, new { key });
        }
        catch (NpgsqlException exception)
        {
            logger.LogWarning("Cron job {Job}: its lock connection broke ({Reason}); the server released the lock with it", jobName, exception.Message);
        }
    }

    private async Task<JobRun> RecordAsync(RunOutcome outcome, DateTimeOffset startedAt, Stopwatch clock)
    {
        var durationMs = clock.ElapsedMilliseconds;
        var id = await db.ScalarAsync<long>(RecordSql, new
        {
            Job = outcome.Job,
            Status = outcome.Status.ToString().ToLowerInvariant(),
            outcome.Affected,
            DurationMs = durationMs,
            outcome.Error,
            StartedAt = startedAt,
        }, CancellationToken.None);
        return new JobRun(outcome.Job, outcome.Status, outcome.Affected, durationMs, outcome.Error is null ? null : CronTexts.JobFailed(id));
    }

    private static string Truncate(string text) => text.Length <= MaxStoredErrorLength ? text : text[..MaxStoredErrorLength];

    private sealed record RunOutcome(string Job, JobStatus Status, int Affected, string? Error);
}
