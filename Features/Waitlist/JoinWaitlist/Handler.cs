using Waitlist.Features.Waitlist.Spam;

namespace Waitlist.Features.Waitlist.JoinWaitlist;

/// <summary>
/// Adds a pending entry and queues its "confirm your address" email (<see cref="SignUps"/>). An address already on the
/// list is a 409, and a pending one gets its confirmation again, at most once an hour. With
/// <c>Waitlist:RequireConfirmation</c> off, the entry is confirmed in the same transaction instead, and its welcome email
/// queued. A bot that fills the honeypot gets a 201 of the same shape, and nothing is stored or sent.
/// </summary>
internal sealed class Handler(
    DbScope db, SignUps signUps, WaitlistQueue queue, CaptchaVerifier captcha, WaitlistCounter counter, WaitlistSettings settings, TimeProvider time)
    : IHandler
{
    public async Task<Results<Created<Response>, ErrorResult>> HandleAsync(Request request, HttpContext context, CancellationToken cancellationToken)
    {
        var entry = request.Normalized();
        if (entry.FilledHoneypot)
            return TypedResults.Created((string?)null, await DecoyAsync(entry));
        if (!await captcha.IsHumanAsync(entry.CaptchaToken, context.ClientIp(), cancellationToken))
            return ErrorResponses.Result(WaitlistTexts.CaptchaFailed);

        var signUp = new SignUp(Guid.CreateVersion7(), entry.Email!, entry.Type!, entry.Name!, entry.Field, entry.Company,
            System.Net.IPAddress.TryParse(context.ClientIp(), out _) ? context.ClientIp() : null, entry.ReferralCode);
        var created = settings.RequireConfirmation
            ? await signUps.AddPendingAsync(signUp, cancellationToken)
            : await AddConfirmedAsync(signUp, cancellationToken);

        if (created is null)
        {
            if (settings.RequireConfirmation)
                await signUps.ResendConfirmationAsync(db, signUp.Email, cancellationToken);
            return ErrorResponses.Result(WaitlistTexts.EmailAlreadyRegistered);
        }
        return TypedResults.Created((string?)null, created);
    }

    private async Task<Response?> AddConfirmedAsync(SignUp signUp, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var created = await signUps.AddAsync(db, signUp, cancellationToken);
        if (created is not null)
        {
            await queue.ConfirmAsync(created.Id, linkExpired: false, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return created;
    }

    /// <summary>What a real sign-up would answer, as far as a bot can tell: a fresh id, the next arrival number of the public count.</summary>
    private async Task<Response> DecoyAsync(Request entry)
    {
        var counts = await counter.GetAsync();
        return new Response(Guid.CreateVersion7(), entry.Email ?? "", entry.Type ?? "", entry.Name ?? "", entry.Field, entry.Company,
            time.GetUtcNow().UtcDateTime, counts.Total + 1);
    }
}
