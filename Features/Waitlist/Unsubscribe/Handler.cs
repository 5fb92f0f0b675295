namespace Waitlist.Features.Waitlist.Unsubscribe;

/// <summary>
/// Leaving the list from an email. The visible link opens a page that asks first (a GET changes nothing: mail scanners
/// open links); its button, and a mail client's one-click unsubscribe (RFC 8058, a POST to the List-Unsubscribe address),
/// erase the entry and the waitlist's emails to it. Leaving twice is harmless.
/// </summary>
internal sealed class Handler(DbScope db, WaitlistQueue queue, WaitlistTokens tokens) : IHandler
{
    /// <param name="leave">False for the page that asks; true to erase.</param>
    public async Task<WaitlistPage> HandleAsync(TokenRequest request, bool leave, CancellationToken cancellationToken)
    {
        if (tokens.ReadEntry(request.Token) is not { } entryId)
            return new WaitlistPage(StatusCodes.Status400BadRequest, WaitlistTexts.InvalidLinkTitle, WaitlistTexts.InvalidLinkMessage);
        if (!leave)
            return new WaitlistPage(StatusCodes.Status200OK, WaitlistTexts.UnsubscribeTitle, WaitlistTexts.UnsubscribeMessage, WaitlistTexts.UnsubscribeButton);

        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        await queue.LeaveAsync(entryId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new WaitlistPage(StatusCodes.Status200OK, WaitlistTexts.UnsubscribedTitle, WaitlistTexts.UnsubscribedMessage);
    }
}
