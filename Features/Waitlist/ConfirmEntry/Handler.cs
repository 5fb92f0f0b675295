using Microsoft.AspNetCore.WebUtilities;

namespace Waitlist.Features.Waitlist.ConfirmEntry;

/// <summary>
/// The link in the "confirm your address" email. A genuine, unexpired token confirms its pending entry (which then counts,
/// and gets its welcome email); clicking again changes nothing. A forged or tampered token, an expired one and one whose
/// entry was erased all read as an expired link. The visitor lands on <c>Waitlist:ConfirmedUrl</c> with
/// <c>?estado=confirmado|ya-confirmado|enlace-caducado</c>, or on a Spanish page of the API's own.
/// </summary>
internal sealed class Handler(DbScope db, WaitlistQueue queue, WaitlistTokens tokens, WaitlistSettings settings) : IHandler
{
    public async Task<Results<RedirectHttpResult, WaitlistPage>> HandleAsync(TokenRequest request, CancellationToken cancellationToken)
    {
        var outcome = await ConfirmAsync(request.Token, cancellationToken);
        if (settings.ConfirmedUrl.Length > 0)
            return TypedResults.Redirect(QueryHelpers.AddQueryString(settings.ConfirmedUrl, "estado", outcome switch
            {
                ConfirmOutcome.Confirmed => "confirmado",
                ConfirmOutcome.AlreadyConfirmed => "ya-confirmado",
                _ => "enlace-caducado",
            }));
        return outcome switch
        {
            ConfirmOutcome.Confirmed => new WaitlistPage(StatusCodes.Status200OK, WaitlistTexts.ConfirmedTitle, WaitlistTexts.ConfirmedMessage),
            ConfirmOutcome.AlreadyConfirmed => new WaitlistPage(StatusCodes.Status200OK, WaitlistTexts.AlreadyConfirmedTitle, WaitlistTexts.AlreadyConfirmedMessage),
            _ => new WaitlistPage(StatusCodes.Status200OK, WaitlistTexts.LinkExpiredTitle, WaitlistTexts.LinkExpiredMessage),
        };
    }

    private async Task<ConfirmOutcome> ConfirmAsync(string? token, CancellationToken cancellationToken)
    {
        if (tokens.ReadConfirmation(token) is not { } link)
            return ConfirmOutcome.LinkExpired;
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var outcome = await queue.ConfirmAsync(link.EntryId, link.Expired, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return outcome;
    }
}
