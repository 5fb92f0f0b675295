namespace Waitlist.Features.Waitlist.GetMyPlace;

/// <summary>A person's standing, for the token of their own emails; never cached, as it moves with every confirmation.</summary>
internal sealed class Handler(WaitlistQueue queue, WaitlistTokens tokens, WaitlistEmails emails) : IHandler
{
    public async Task<Results<Ok<Response>, ErrorResult>> HandleAsync(TokenRequest request, HttpContext context, CancellationToken cancellationToken)
    {
        context.Response.Headers.CacheControl = "no-store";
        if (tokens.ReadEntry(request.Token) is not { } entryId)
            return ErrorResponses.Result(WaitlistTexts.InvalidToken);
        if (await queue.PlaceAsync(entryId, cancellationToken) is not { } place)
            return ErrorResponses.Result(WaitlistTexts.EntryNotFound);
        return TypedResults.Ok(new Response(place.Position, place.Total, place.Referrals, place.ReferralCode,
            place.ReferralCode is null ? null : emails.ShareUrl(place.ReferralCode), place.Status));
    }
}
