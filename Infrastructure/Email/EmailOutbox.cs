using System.Data;
using Dapper;

namespace Waitlist.Infrastructure.Email;

/// <summary>
/// Emails are queued in the caller's transaction, so a message exists exactly when the change that caused it
/// was committed; the cron job <c>email.outbox</c> delivers them.
/// </summary>
public static class EmailOutbox
{
    private const string InsertSql = """
        INSERT INTO email_outbox (to_address, subject, html_body, text_body)
        VALUES (@To, @Subject, @HtmlBody, @TextBody)
        """;

    public static Task EnqueueAsync(IDbTransaction transaction, EmailMessage message, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(InsertSql, message, transaction, cancellationToken: cancellationToken));
}
