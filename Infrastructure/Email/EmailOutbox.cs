using Waitlist.Infrastructure.Database;

namespace Waitlist.Infrastructure.Email;

/// <summary>
/// Email's public surface: a message is queued in the caller's transaction (the request's <see cref="DbScope"/>), so
/// it exists exactly when the change that caused it was committed; <see cref="OutboxDelivery"/> sends it.
/// </summary>
public sealed class EmailOutbox(DbScope db)
{
    private const string InsertSql = """
        INSERT INTO email_outbox (to_address, subject, html_body, text_body)
        VALUES (@To, @Subject, @HtmlBody, @TextBody)
        """;

    public Task EnqueueAsync(EmailMessage message, CancellationToken cancellationToken) =>
        db.ExecuteAsync(InsertSql, message, cancellationToken);
}
