namespace Waitlist.Infrastructure.Email;

/// <summary>A message ready to send: its bodies rendered.</summary>
public sealed record EmailMessage(string To, string Subject, string HtmlBody, string TextBody)
{
    /// <summary>Headers besides From, To and Subject (List-Unsubscribe, for instance).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = EmailHeaders.None;
}

/// <summary>
/// A message queued as the name of an <see cref="EmailTemplates"/> pair and its data, rendered when it is delivered:
/// queueing it costs a row, not a rendering. <paramref name="Data"/> is stored as JSON, its property names as they are.
/// </summary>
public sealed record TemplatedEmail(string To, string Subject, string Template, object Data)
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = EmailHeaders.None;
}

public static class EmailHeaders
{
    public static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    /// <summary>
    /// RFC 2369's List-Unsubscribe with RFC 8058's one-click POST, which Gmail and Yahoo require of bulk senders: the
    /// mail client POSTs <c>List-Unsubscribe=One-Click</c> to <paramref name="url"/>, which must unsubscribe without
    /// asking anything more.
    /// </summary>
    public static IReadOnlyDictionary<string, string> OneClickUnsubscribe(string url) => new Dictionary<string, string>
    {
        ["List-Unsubscribe"] = $"<{url}>",
        ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
    };
}
