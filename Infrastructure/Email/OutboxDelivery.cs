using System.Diagnostics;
using System.Net.Mail;

namespace Waitlist.Infrastructure.Email;

/// <summary>
/// Delivers the <c>email_outbox</c> queue in batches. A batch is claimed in one statement with
/// <c>FOR UPDATE SKIP LOCKED</c>, which also counts the attempt and leases the rows for
/// <see cref="Lease"/>: a concurrent delivery (another instance, another call) skips them, so no message goes
/// out twice. A message queued as a template and its data is rendered here, by <see cref="EmailTemplates"/>, so that
/// queueing it never costs a rendering. SMTP runs outside any transaction. A failure keeps the row, records the error and schedules the
/// next attempt after <see cref="RetryDelays"/>; the <see cref="MaxAttempts"/>th failure marks it dead.
/// Without <c>Smtp:Host</c>, <see cref="SmtpEmailSender"/> writes messages to the log and they count as sent.
/// SMTP has no exactly-once: if the database became unreachable between the server accepting a message and the
/// row being marked sent, that one message is sent again once its lease ends. Nothing else can send it twice.
/// </summary>
public sealed class OutboxDelivery(NpgsqlDataSource dataSource, SmtpEmailSender sender, EmailTemplates templates, OutboxSettings settings, ILogger<OutboxDelivery> logger)
{
    public const int MaxAttempts = 8;

    /// <summary>The wait after the n-th failed attempt (n = 1..7): about 42 hours from first failure to dead.</summary>
    public static readonly TimeSpan[] RetryDelays =
    [
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1),
        TimeSpan.FromHours(4), TimeSpan.FromHours(12), TimeSpan.FromHours(24),
    ];

    /// <summary>How long a claimed row stays out of other deliveries' reach: above a whole batch of timed-out sends.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    private const int MaxStoredErrorLength = 1000;

    private const string ClaimSql = """
        WITH due AS (
            SELECT id FROM email_outbox
            WHERE status = 'pending' AND next_attempt_at <= now() AND attempts < @MaxAttempts
            ORDER BY next_attempt_at, id
            LIMIT @Limit
            FOR UPDATE SKIP LOCKED)
        UPDATE email_outbox o
        SET attempts = o.attempts + 1, next_attempt_at = now() + @Lease
        FROM due
        WHERE o.id = due.id
        RETURNING o.id, o.to_address AS toaddress, o.subject, o.html_body AS htmlbody, o.text_body AS textbody,
                  o.template, o.data::text AS data, o.headers::text AS headers, o.attempts
        """;

    // Bodies and data carry live links (password reset, verification, unsubscribe): once a message is out of the queue
    // they are dropped, so the table never holds a usable token for longer than delivery takes.
    private const string SentSql = "UPDATE email_outbox SET status = 'sent', sent_at = now(), html_body = '', text_body = '', data = NULL WHERE id = @Id";

    private const string FailedSql = """
        UPDATE email_outbox
        SET last_error = @Error,
            status = CASE WHEN attempts >= @MaxAttempts THEN 'dead' ELSE 'pending' END,
            html_body = CASE WHEN attempts >= @MaxAttempts THEN '' ELSE html_body END,
            text_body = CASE WHEN attempts >= @MaxAttempts THEN '' ELSE text_body END,
            data = CASE WHEN attempts >= @MaxAttempts THEN NULL ELSE data END,
            next_attempt_at = now() + @RetryDelay
        WHERE id = @Id
        """;

    // A delivery that stopped between claiming its last attempt and recording the outcome (a crash, a
    // shutdown) leaves a pending row that may no longer be claimed; once its lease is over it is dead.
    // MaxAttempts is written into the statement, not sent as a parameter: only then can the planner use the partial
    // index of rows on their last attempt (migration 0010), instead of reading every pending row.
    private static readonly string AbandonedSql = $"""
        UPDATE email_outbox SET status = 'dead', html_body = '', text_body = '', data = NULL, last_error = coalesce(last_error, 'abandoned during its last attempt')
        WHERE status = 'pending' AND attempts >= {MaxAttempts} AND next_attempt_at <= now()
        """;

    /// <returns>How many messages were delivered.</returns>
    /// <exception cref="OutboxDeliveryFailedException">Every attempted message failed (SMTP down, credentials wrong...).</exception>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(AbandonedSql, cancellationToken: cancellationToken));

        int sent = 0, failed = 0;
        string? lastError = null;
        var budget = Stopwatch.StartNew();
        while (sent + failed < settings.MaxPerRun && (sent + failed == 0 || budget.Elapsed.TotalSeconds < settings.MaxRunSeconds))
        {
            var limit = Math.Min(settings.BatchSize, settings.MaxPerRun - sent - failed);
            var batch = (await connection.QueryAsync<ClaimedMessage>(new CommandDefinition(
                ClaimSql, new { MaxAttempts, Limit = limit, Lease }, cancellationToken: cancellationToken))).ToList();
            if (batch.Count == 0)
                break;

            foreach (var message in batch)
            {
                try
                {
                    await sender.SendAsync(Rendered(message), cancellationToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    failed++;
                    lastError = Describe(exception);
                    await RecordFailureAsync(connection, message, lastError);
                    continue;
                }
                // Not cancellable: the message is out, its row must say so.
                await connection.ExecuteAsync(SentSql, new { message.Id });
                sent++;
            }
        }

        if (sent == 0 && failed > 0)
            throw new OutboxDeliveryFailedException($"All {failed} attempted emails failed; last error: {lastError}");
        return sent;
    }

    private async Task RecordFailureAsync(NpgsqlConnection connection, ClaimedMessage message, string error)
    {
        var retryDelay = RetryDelays[Math.Min(message.Attempts, RetryDelays.Length) - 1];
        await connection.ExecuteAsync(FailedSql, new { message.Id, Error = error, MaxAttempts, RetryDelay = retryDelay });
        if (message.Attempts >= MaxAttempts)
            logger.LogError("Email {Id} is dead after {Attempts} failed attempts: {Error}", message.Id, message.Attempts, error);
        else
            logger.LogWarning("Email {Id} failed (attempt {Attempts} of {Max}), next try in {Delay}: {Error}", message.Id, message.Attempts, MaxAttempts, retryDelay, error);
    }

    /// <summary>A message queued as a template is rendered now; a failure to render counts as a failed attempt.</summary>
    private EmailMessage Rendered(ClaimedMessage message) =>
        message is { Template: { } template, Data: { } data }
            ? templates.Render(template, message.ToAddress, message.Subject, data, message.Headers)
            : new EmailMessage(message.ToAddress, message.Subject, message.HtmlBody, message.TextBody) { Headers = EmailTemplates.Headers(message.Headers) };

    /// <summary>The SMTP reply code first (451, 550...), because SmtpException's message does not carry it.</summary>
    private static string Describe(Exception exception)
    {
        var text = exception is SmtpException smtp
            ? $"SMTP {(int)smtp.StatusCode}: {smtp.Message}"
            : $"{exception.GetType().Name}: {exception.Message}";
        return text.Length <= MaxStoredErrorLength ? text : text[..MaxStoredErrorLength];
    }

    private sealed record ClaimedMessage(
        long Id, string ToAddress, string Subject, string HtmlBody, string TextBody, string? Template, string? Data, string? Headers, int Attempts);
}

public sealed class OutboxDeliveryFailedException(string message) : Exception(message);
