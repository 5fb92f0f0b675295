namespace Waitlist.Infrastructure.Email;

/// <summary>The emails queued to a person: what each said and when; erasure drops the unsent ones and the record of the rest.</summary>
internal sealed class OutboxPersonalData(DbScope db, EmailTemplates templates) : IPersonalData
{
    private const string ExportSql = """
        SELECT to_address AS toaddress, subject, status, created_at AS createdat, sent_at AS sentat, text_body AS textbody, template, data::text AS data
        FROM email_outbox WHERE lower(to_address) = normalized_email(@Email) ORDER BY id
        """;

    private const string EraseSql = "DELETE FROM email_outbox WHERE lower(to_address) = normalized_email(@Email)";

    public string Section => "emails";

    public async Task<object?> ExportAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var emails = await db.ListAsync<StoredEmail>(ExportSql, new { subject.Email }, cancellationToken);
        return emails.Count == 0 ? null : emails.Select(email => new QueuedEmail(email.Subject, email.Status, email.CreatedAt, email.SentAt, TextOf(email))).ToList();
    }

    public Task EraseAsync(DataSubject subject, CancellationToken cancellationToken) =>
        db.ExecuteAsync(EraseSql, new { subject.Email }, cancellationToken);

    /// <summary>A message still queued as a template and its data reads as it will be sent.</summary>
    private string TextOf(StoredEmail email) => email is { Template: { } template, Data: { } data }
        ? templates.Render(template, email.ToAddress, email.Subject, data, headersJson: null).TextBody
        : email.TextBody;

    private sealed record StoredEmail(string ToAddress, string Subject, string Status, DateTime CreatedAt, DateTime? SentAt, string TextBody, string? Template, string? Data);

    /// <param name="TextBody">Empty once sent: bodies carry live links and are dropped after delivery.</param>
    private sealed record QueuedEmail(string Subject, string Status, DateTime CreatedAt, DateTime? SentAt, string TextBody);
}
