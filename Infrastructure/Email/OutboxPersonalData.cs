using Waitlist.Infrastructure.Database;
using Waitlist.Infrastructure.PersonalData;

namespace Waitlist.Infrastructure.Email;

/// <summary>The emails queued to a person: what each said and when; erasure drops the unsent ones and the record of the rest.</summary>
internal sealed class OutboxPersonalData(DbScope db) : IPersonalData
{
    private const string ExportSql = """
        SELECT subject, status, created_at AS createdat, sent_at AS sentat, text_body AS textbody
        FROM email_outbox WHERE lower(to_address) = normalized_email(@Email) ORDER BY id
        """;

    private const string EraseSql = "DELETE FROM email_outbox WHERE lower(to_address) = normalized_email(@Email)";

    public string Section => "emails";

    public async Task<object?> ExportAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var emails = await db.ListAsync<QueuedEmail>(ExportSql, new { subject.Email }, cancellationToken);
        return emails.Count == 0 ? null : emails;
    }

    public Task EraseAsync(DataSubject subject, CancellationToken cancellationToken) =>
        db.ExecuteAsync(EraseSql, new { subject.Email }, cancellationToken);

    /// <param name="TextBody">Empty once sent: bodies carry live links and are dropped after delivery.</param>
    private sealed record QueuedEmail(string Subject, string Status, DateTime CreatedAt, DateTime? SentAt, string TextBody);
}
