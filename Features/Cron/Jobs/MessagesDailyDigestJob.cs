using Waitlist.Infrastructure.Scheduling;

namespace Waitlist.Features.Cron.Jobs;

/// <summary>
/// The seam for the daily digest of unread messages. Messaging does not exist yet, so this job has nothing to
/// read and does nothing (it reports 0). When the Messaging feature lands, the digest moves there (a job lives with
/// the feature whose data it reads) and does this:
/// <list type="number">
/// <item>in one transaction, claim today (in Reports:TimeZone) per recipient in a ledger table
///   (<c>message_digests (day date, user_id text, PRIMARY KEY (day, user_id))</c>, <c>INSERT ... ON CONFLICT DO NOTHING RETURNING</c>),
///   for users with unread messages older than an hour;</item>
/// <item>for each claimed user, render a Spanish digest (how many messages, from whom) with <c>EmailTemplates</c> and
///   queue it with <c>EmailOutbox</c> in that same transaction;</item>
/// <item>return the number of digests queued; <c>email.outbox</c> runs after this job and sends them.</item>
/// </list>
/// The ledger makes a second run the same day send nothing, as waitlist.weekly-report does per week.
/// </summary>
internal sealed class MessagesDailyDigestJob(ILogger<MessagesDailyDigestJob> logger) : ICronJob
{
    public string Name => "messages.daily-digest";

    public Task<int> RunAsync(CancellationToken cancellationToken)
    {
        logger.LogDebug("messages.daily-digest: messaging is not built yet; nothing to send");
        return Task.FromResult(0);
    }
}
