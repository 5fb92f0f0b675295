using Waitlist.Features.Waitlist.Spam;

namespace Waitlist.Features.Waitlist.JoinWaitlist;

/// <summary>
/// Adds a pending entry and queues its "confirm your address" email in one statement: one round trip, no rendering (the
/// email is queued as a template and its data). An address already on the list is a 409, and a pending one gets its
/// confirmation again, at most once an hour. With <c>Waitlist:RequireConfirmation</c> off, the entry is confirmed in
/// the same transaction instead, and its welcome email queued. A bot that fills the honeypot gets a 201 of the same
/// shape, and nothing is stored or sent.
/// </summary>
internal sealed class Handler(
    DbScope db, WaitlistQueue queue, WaitlistEmails emails, CaptchaVerifier captcha, WaitlistCounter counter, WaitlistSettings settings, TimeProvider time)
    : IHandler
{
    // The unique lower(email) index decides duplicates: ON CONFLICT turns even a concurrent one into "no row", and then
    // no email either. NOT EXISTS keeps an ordinary duplicate from drawing an arrival number (the identity). The address
    // is stored under the database's one rule for email addresses, normalized_email(), which accounts follow too. A
    // referral code names its (confirmed) referrer; an unknown one names nobody.
    private const string JoinSql = $"""
        WITH entry AS (
            INSERT INTO waitlist_entries (id, email, type, name, field, company, signup_ip, referred_by, confirmation_sent_at)
            SELECT @Id, normalized_email(@Email), @Type, @Name, @Field, @Company, @SignupIp::inet,
                   (SELECT id FROM waitlist_entries WHERE referral_code = @Ref), now()
            WHERE NOT EXISTS (SELECT 1 FROM waitlist_entries WHERE lower(email) = normalized_email(@Email))
            ON CONFLICT ((lower(email))) DO NOTHING
            RETURNING id, email, type, name, field, company, created_at, position)
        {ConfirmationMessageSql}
        SELECT id, email, type, name, field, company, created_at AS createdat, position FROM entry
        """;

    // A pending address signed up again: its confirmation goes out again if the last one is an hour old. The UPDATE
    // claims the resend, so simultaneous repeats send one email.
    private const string PendingIdSql = "SELECT id FROM waitlist_entries WHERE lower(email) = normalized_email(@Email) AND status = 'pending'";

    private const string ResendSql = $"""
        WITH entry AS (
            UPDATE waitlist_entries SET confirmation_sent_at = now()
            WHERE id = @Id AND status = 'pending' AND confirmation_sent_at <= now() - interval '1 hour'
            RETURNING email, name)
        {ConfirmationMessageSql}
        SELECT count(*) FROM entry
        """;

    // The confirmation email of the row in `entry`, built from the row as stored.
    private const string ConfirmationMessageSql = $"""
        , outbox_message AS (
            SELECT email AS to_address, @Subject AS subject, @Template AS template,
                   jsonb_build_object('Name', name, 'Email', email, 'ConfirmUrl', @ConfirmUrl, 'UnsubscribeUrl', @UnsubscribeUrl,
                                      'PendingDays', @PendingDays) AS data,
                   @Headers::jsonb AS headers
            FROM entry
            WHERE @SendConfirmation),
        queued AS ({EmailOutbox.QueueOutboxMessagesSql})
        """;

    public async Task<Results<Created<Response>, ErrorResult>> HandleAsync(Request request, HttpContext context, CancellationToken cancellationToken)
    {
        var entry = request.Normalized();
        if (entry.FilledHoneypot)
            return TypedResults.Created((string?)null, await DecoyAsync(entry));
        if (!await captcha.IsHumanAsync(entry.CaptchaToken, context.ClientIp(), cancellationToken))
            return ErrorResponses.Result(WaitlistTexts.CaptchaFailed);

        var id = Guid.CreateVersion7();
        var parameters = new DynamicParameters(new
        {
            Id = id, entry.Email, entry.Type, entry.Name, entry.Field, entry.Company, Ref = entry.ReferralCode,
            SignupIp = System.Net.IPAddress.TryParse(context.ClientIp(), out _) ? context.ClientIp() : null,
            SendConfirmation = settings.RequireConfirmation,
        });
        parameters.AddDynamicParams(emails.ConfirmationParameters(id));

        Response? created;
        if (settings.RequireConfirmation)
            created = await db.SingleOrDefaultAsync<Response>(JoinSql, parameters, cancellationToken);
        else
        {
            await using var transaction = await db.BeginTransactionAsync(cancellationToken);
            created = await db.SingleOrDefaultAsync<Response>(JoinSql, parameters, cancellationToken);
            if (created is not null)
            {
                await queue.ConfirmAsync(created.Id, linkExpired: false, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
        }

        if (created is null)
        {
            if (settings.RequireConfirmation)
                await ResendConfirmationAsync(entry.Email!, cancellationToken);
            return ErrorResponses.Result(WaitlistTexts.EmailAlreadyRegistered);
        }
        return TypedResults.Created((string?)null, created);
    }

    private async Task ResendConfirmationAsync(string email, CancellationToken cancellationToken)
    {
        var pendingId = await db.SingleOrDefaultAsync<Guid?>(PendingIdSql, new { Email = email }, cancellationToken);
        if (pendingId is not { } id)
            return;
        var parameters = new DynamicParameters(new { Id = id, SendConfirmation = true });
        parameters.AddDynamicParams(emails.ConfirmationParameters(id));
        await db.ScalarAsync<long>(ResendSql, parameters, cancellationToken);
    }

    /// <summary>What a real sign-up would answer, as far as a bot can tell: a fresh id, the next arrival number of the public count.</summary>
    private async Task<Response> DecoyAsync(Request entry)
    {
        var counts = await counter.GetAsync();
        return new Response(Guid.CreateVersion7(), entry.Email ?? "", entry.Type ?? "", entry.Name ?? "", entry.Field, entry.Company,
            time.GetUtcNow().UtcDateTime, counts.Total + 1);
    }
}
