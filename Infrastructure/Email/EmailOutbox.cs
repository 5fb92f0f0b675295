namespace Waitlist.Infrastructure.Email;

/// <summary>
/// Email's public surface: a message is queued in the caller's transaction (the request's <see cref="DbScope"/>), so
/// it exists exactly when the change that caused it was committed; <see cref="OutboxDelivery"/> sends it.
/// </summary>
public sealed class EmailOutbox(DbScope db)
{
    /// <summary>
    /// For a use case that writes its rows and queues their emails in one statement (one round trip): the body of a
    /// data-modifying CTE that queues every row of a CTE named <c>outbox_message</c>, whose columns are <c>to_address</c>,
    /// <c>subject</c>, <c>template</c>, <c>data</c> (jsonb) and <c>headers</c> (jsonb, or null). Write it as
    /// <c>queued AS ({EmailOutbox.QueueOutboxMessagesSql})</c>.
    /// </summary>
    public const string QueueOutboxMessagesSql = """
        INSERT INTO email_outbox (to_address, subject, template, data, headers)
        SELECT to_address, subject, template, data, headers FROM outbox_message
        """;

    private const string InsertRenderedSql = """
        INSERT INTO email_outbox (to_address, subject, html_body, text_body, headers)
        VALUES (@To, @Subject, @HtmlBody, @TextBody, @Headers::jsonb)
        """;

    private const string InsertTemplatedSql = """
        INSERT INTO email_outbox (to_address, subject, template, data, headers)
        VALUES (@To, @Subject, @Template, @Data::jsonb, @Headers::jsonb)
        """;

    private const string DropSql = """
        DELETE FROM email_outbox
        WHERE lower(to_address) = ANY (SELECT normalized_email(address) FROM unnest(@Addresses) AS address) AND template = ANY (@Templates)
        """;

    public Task EnqueueAsync(EmailMessage message, CancellationToken cancellationToken) =>
        db.ExecuteAsync(InsertRenderedSql,
            new { message.To, message.Subject, message.HtmlBody, message.TextBody, Headers = HeadersJson(message.Headers) }, cancellationToken);

    public Task EnqueueAsync(TemplatedEmail email, CancellationToken cancellationToken) =>
        db.ExecuteAsync(InsertTemplatedSql,
            new { email.To, email.Subject, email.Template, Data = JsonSerializer.Serialize(email.Data), Headers = HeadersJson(email.Headers) }, cancellationToken);

    /// <summary>
    /// Deletes every message made from <paramref name="templates"/> to <paramref name="addresses"/>, queued or sent: what a
    /// feature sent to a person who has left it.
    /// </summary>
    public Task<int> DropAsync(IReadOnlyCollection<string> addresses, IReadOnlyCollection<string> templates, CancellationToken cancellationToken) =>
        db.ExecuteAsync(DropSql, new { Addresses = addresses.ToArray(), Templates = templates.ToArray() }, cancellationToken);

    /// <summary>The headers column's value: a JSON object, or null for none.</summary>
    public static string? HeadersJson(IReadOnlyDictionary<string, string> headers) => headers.Count == 0 ? null : JsonSerializer.Serialize(headers);
}
