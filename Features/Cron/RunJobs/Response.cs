namespace Waitlist.Features.Cron.RunJobs;

/// <param name="RanAt">When the call started.</param>
/// <param name="Jobs">One entry per job, in the order they ran.</param>
public sealed record Response(DateTimeOffset RanAt, IReadOnlyList<JobRun> Jobs);

/// <param name="Affected">Rows or messages the job changed (deleted, archived, sent...); 0 when skipped or failed.</param>
/// <param name="Error">Only for <c>failed</c>: where to read the detail (the run's cron_runs row).</param>
public sealed record JobRun(
    string Name,
    JobStatus Status,
    int Affected,
    long DurationMs,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error = null);

[JsonConverter(typeof(JsonStringEnumConverter<JobStatus>))]
public enum JobStatus
{
    /// <summary>The job ran to the end.</summary>
    [JsonStringEnumMemberName("ok")] Ok,

    /// <summary>Another call was running this job at that moment; this call left it alone.</summary>
    [JsonStringEnumMemberName("skipped")] Skipped,

    /// <summary>The job threw; the other jobs still ran.</summary>
    [JsonStringEnumMemberName("failed")] Failed,
}
