namespace Waitlist.Features.Messaging;

/// <summary>What messaging's requests may carry: a message's body, a client's idempotency key, ids and cursors in a query.</summary>
internal static class MessagingRules
{
    public const int MaxBodyLength = 4000;
    public const int MaxClientIdLength = 100;

    /// <summary>The body as it is stored: Windows line breaks as \n, no whitespace around it.</summary>
    public static string Normalized(string body) => body.Replace("\r\n", "\n").Trim();

    /// <summary>1–4,000 characters once <see cref="Normalized"/> (counted as PostgreSQL counts them); \n and \t, no other control character.</summary>
    public static IRuleBuilderOptions<T, string?> MessageBody<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(body => !string.IsNullOrWhiteSpace(body)).WithErrorCode("REQUIRED").WithMessage(MessagingTexts.BodyRequired)
            .Must(body => PlainTextRules.Length(Normalized(body!)) <= MaxBodyLength).WithErrorCode("TOO_LONG").WithMessage(MessagingTexts.BodyTooLong)
            .Must(body => !Normalized(body!).Any(c => char.IsControl(c) && c is not ('\n' or '\t')))
            .WithErrorCode("CONTROL_CHARACTERS").WithMessage(MessagingTexts.BodyControlCharacters);

    /// <summary>An optional key of 1–100 visible ASCII characters (a UUID, typically).</summary>
    public static IRuleBuilderOptions<T, string?> ClientId<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(id => id is null || (id.Length is > 0 and <= MaxClientIdLength && id.All(c => c is > ' ' and < '\u007f')))
            .WithErrorCode("INVALID_CLIENT_ID").WithMessage(MessagingTexts.ClientIdInvalid(MaxClientIdLength));

    /// <summary>
    /// An optional id or cursor of a query string, read as text so that a wrong one is a field error: a whole number above
    /// 0. Empty is not given (<c>cursor=</c>, as a client writes a null nextCursor into its URL).
    /// </summary>
    public static IRuleBuilderOptions<T, string?> QueryId<T>(this IRuleBuilder<T, string?> rule, string code, string message) =>
        rule.Must(value => string.IsNullOrEmpty(value) || ParseQueryId(value) is not null).WithErrorCode(code).WithMessage(message);

    /// <returns>The value of a <see cref="QueryId{T}"/>; null when it was not given.</returns>
    public static long? ParseQueryId(string? value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;
}
