namespace Waitlist.Features.Waitlist.JoinWaitlist;

/// <summary>A sign-up as it is stored; <paramref name="SignupIp"/> is an IP address or null.</summary>
internal sealed record SignUp(Guid Id, string Email, string Type, string Name, string? Field, string? Company, string? SignupIp, string? ReferralCode);

/// <summary>
/// Stores new entries and queues their "confirm your address" emails, in one statement for any number of sign-ups: one
/// round trip, no rendering (each email is queued as a template and its data).
/// Simultaneous sign-ups share that statement and its commit (<see cref="RoundTripBatcher{TItem, TResult}"/>), which is
/// most of the database's work for each: under load, PostgreSQL stores several times as many sign-ups per second. Each
/// caller still has its 201 only once its row and its email are committed. A singleton.
/// </summary>
internal sealed class SignUps
{
    private const int MaxBatchSize = 100;

    // The unique lower(email) index decides duplicates: ON CONFLICT turns even a concurrent one into "no row", and then
    // no email either. NOT EXISTS keeps an ordinary duplicate from drawing an arrival number (the identity), and
    // DISTINCT ON one posted twice in the same batch; positions follow the batch's order. The address is stored under
    // the database's one rule for email addresses, normalized_email(), which accounts follow too. A referral code names
    // its (confirmed) referrer; an unknown one names nobody.
    private const string InsertSql = $"""
        WITH sign_up AS (
            SELECT DISTINCT ON (normalized_email(s.email))
                   s.id, normalized_email(s.email) AS email, s.type, s.name, s.field, s.company, s.signup_ip::inet AS signup_ip,
                   s.referral_code, s.confirm_url, s.unsubscribe_url, s.headers::jsonb AS headers, s.arrival
            FROM unnest(@Ids, @Emails, @Types, @Names, @Fields, @Companies, @SignupIps, @ReferralCodes, @ConfirmUrls, @UnsubscribeUrls, @Headers)
                 WITH ORDINALITY AS s(id, email, type, name, field, company, signup_ip, referral_code, confirm_url, unsubscribe_url, headers, arrival)
            ORDER BY normalized_email(s.email), s.arrival),
        entry AS (
            INSERT INTO waitlist_entries (id, email, type, name, field, company, signup_ip, referred_by, confirmation_sent_at)
            SELECT id, email, type, name, field, company, signup_ip,
                   (SELECT referrer.id FROM waitlist_entries referrer WHERE referrer.referral_code = sign_up.referral_code), now()
            FROM sign_up
            WHERE NOT EXISTS (SELECT 1 FROM waitlist_entries existing WHERE lower(existing.email) = sign_up.email)
            ORDER BY arrival
            ON CONFLICT ((lower(email))) DO NOTHING
            RETURNING id, email, type, name, field, company, created_at, position),
        confirmation AS (
            SELECT entry.email, entry.name, sign_up.confirm_url, sign_up.unsubscribe_url, sign_up.headers
            FROM entry JOIN sign_up USING (id)
            WHERE @SendConfirmation)
        {ConfirmationMessageSql}
        SELECT id, email, type, name, field, company, created_at, position FROM entry
        """;

    // A pending address signed up again: its confirmation goes out again if the last one is an hour old. The UPDATE
    // claims the resend, so simultaneous repeats send one email.
    private const string PendingIdSql = "SELECT id FROM waitlist_entries WHERE lower(email) = normalized_email(@Email) AND status = 'pending'";

    private const string ResendSql = $"""
        WITH confirmation AS (
            UPDATE waitlist_entries SET confirmation_sent_at = now()
            WHERE id = @Id AND status = 'pending' AND confirmation_sent_at <= now() - interval '1 hour'
            RETURNING email, name, @ConfirmUrl AS confirm_url, @UnsubscribeUrl AS unsubscribe_url, @Headers::jsonb AS headers)
        {ConfirmationMessageSql}
        SELECT count(*) FROM confirmation
        """;

    // The confirmation email of each row of `confirmation` (email, name, confirm_url, unsubscribe_url, headers).
    private const string ConfirmationMessageSql = $"""
        , outbox_message AS (
            SELECT email AS to_address, @Subject AS subject, @Template AS template,
                   jsonb_build_object('Name', name, 'Email', email, 'ConfirmUrl', confirm_url, 'UnsubscribeUrl', unsubscribe_url,
                                      'PendingDays', @PendingDays) AS data,
                   headers
            FROM confirmation),
        queued AS ({EmailOutbox.QueueOutboxMessagesSql})
        """;

    // PostgreSQL plans a prepared statement once for all (a "generic" plan) and keeps that plan until the table's
    // statistics change. Made while the table is small, as on a new deployment under its first burst of sign-ups, that
    // plan finds the addresses already on the list by reading the whole table (a hash join over a sequential scan), and
    // it stays while the table grows by thousands of rows a second: every batch read all of it. With those ways off,
    // the only plan left looks each address up in the email index, whatever the table's size when it is made; and it
    // is made once per connection rather than for every batch, which cost a quarter of PostgreSQL's work. The settings
    // are local to the batch's transaction: the batch is one, implicitly (its statements go together and commit
    // together, in one round trip), so a caller's own transaction never takes them.
    private const string IndexLookupPlanSql = """
        SELECT set_config('plan_cache_mode', 'force_generic_plan', true), set_config('enable_hashjoin', 'off', true),
               set_config('enable_mergejoin', 'off', true), set_config('enable_seqscan', 'off', true)
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly WaitlistEmails _emails;
    private readonly RoundTripBatcher<SignUp, Response?> _pending;

    public SignUps(NpgsqlDataSource dataSource, WaitlistEmails emails)
    {
        (_dataSource, _emails) = (dataSource, emails);
        // One batch on its way at a time, the next gathering meanwhile. Two at a time made smaller batches, which wrote
        // to the same index pages at once: side by side on two cores, PostgreSQL spent 40 % more per sign-up (290-300 µs
        // against 205-215) and the API stored 10-20 % fewer. A failure the database gives for one row (a value it
        // refuses) fails that sign-up alone.
        _pending = new RoundTripBatcher<SignUp, Response?>(AddPendingAsync, MaxBatchSize,
            isolateFailure: exception => !DatabaseErrors.IsUnavailable(exception));
    }

    /// <summary>
    /// Stores a pending entry and queues its confirmation, committed when this returns; null when the address is
    /// already on the list. Giving up does not take the sign-up back: it may be stored all the same.
    /// </summary>
    public Task<Response?> AddPendingAsync(SignUp signUp, CancellationToken cancellationToken) => _pending.SendAsync(signUp, cancellationToken);

    /// <summary>
    /// Stores an entry in the scope's transaction (which the caller has begun), without a confirmation email; null when
    /// the address is already on the list.
    /// </summary>
    public async Task<Response?> AddAsync(DbScope db, SignUp signUp, CancellationToken cancellationToken) =>
        (await db.RunAsync((connection, _) => InsertAsync(connection, [signUp], pendingBatch: false, cancellationToken), cancellationToken))
        .SingleOrDefault();

    /// <summary>Sends a pending address its confirmation again, if the last one went out over an hour ago.</summary>
    public async Task ResendConfirmationAsync(DbScope db, string email, CancellationToken cancellationToken)
    {
        var pendingId = await db.SingleOrDefaultAsync<Guid?>(PendingIdSql, new { Email = email }, cancellationToken);
        if (pendingId is not { } id)
            return;
        var links = _emails.ConfirmationLinks(id);
        var parameters = new DynamicParameters(new { Id = id, links.ConfirmUrl, links.UnsubscribeUrl, Headers = links.HeadersJson });
        parameters.AddDynamicParams(_emails.Confirmation);
        await db.ScalarAsync<long>(ResendSql, parameters, cancellationToken);
    }

    private async Task<IReadOnlyList<Response?>> AddPendingAsync(IReadOnlyList<SignUp> batch)
    {
        // Not one request's token: the statement stores the whole batch.
        await using var connection = await _dataSource.OpenConnectionAsync(CancellationToken.None);
        var stored = (await InsertAsync(connection, batch, pendingBatch: true, CancellationToken.None)).ToDictionary(entry => entry.Id);
        return [.. batch.Select(signUp => stored.GetValueOrDefault(signUp.Id))];
    }

    /// <summary>
    /// Runs <see cref="InsertSql"/> for <paramref name="signUps"/>; answers the entries stored, committed once this
    /// returns unless the connection is in a caller's transaction. A <paramref name="pendingBatch"/> queues confirmations.
    /// </summary>
    private async Task<List<Response>> InsertAsync(NpgsqlConnection connection, IReadOnlyList<SignUp> signUps, bool pendingBatch, CancellationToken cancellationToken)
    {
        var links = signUps.Select(signUp => pendingBatch ? _emails.ConfirmationLinks(signUp.Id) : null).ToArray();
        var email = _emails.Confirmation;
        var insert = new NpgsqlBatchCommand(InsertSql)
        {
            Parameters =
            {
                new NpgsqlParameter<Guid[]>("Ids", [.. signUps.Select(signUp => signUp.Id)]),
                new NpgsqlParameter<string[]>("Emails", [.. signUps.Select(signUp => signUp.Email)]),
                new NpgsqlParameter<string[]>("Types", [.. signUps.Select(signUp => signUp.Type)]),
                new NpgsqlParameter<string[]>("Names", [.. signUps.Select(signUp => signUp.Name)]),
                new NpgsqlParameter<string?[]>("Fields", [.. signUps.Select(signUp => signUp.Field)]),
                new NpgsqlParameter<string?[]>("Companies", [.. signUps.Select(signUp => signUp.Company)]),
                new NpgsqlParameter<string?[]>("SignupIps", [.. signUps.Select(signUp => signUp.SignupIp)]),
                new NpgsqlParameter<string?[]>("ReferralCodes", [.. signUps.Select(signUp => signUp.ReferralCode)]),
                new NpgsqlParameter<string?[]>("ConfirmUrls", [.. links.Select(link => link?.ConfirmUrl)]),
                new NpgsqlParameter<string?[]>("UnsubscribeUrls", [.. links.Select(link => link?.UnsubscribeUrl)]),
                new NpgsqlParameter<string?[]>("Headers", [.. links.Select(link => link?.HeadersJson)]),
                new NpgsqlParameter<bool>("SendConfirmation", pendingBatch),
                new NpgsqlParameter<string>("Subject", email.Subject),
                new NpgsqlParameter<string>("Template", email.Template),
                new NpgsqlParameter<int>("PendingDays", email.PendingDays),
            },
        };
        await using var batch = new NpgsqlBatch(connection);
        if (pendingBatch)
            batch.BatchCommands.Add(new NpgsqlBatchCommand(IndexLookupPlanSql));
        batch.BatchCommands.Add(insert);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        if (pendingBatch)
            await reader.NextResultAsync(cancellationToken); // past the settings' row
        var stored = new List<Response>(signUps.Count);
        while (await reader.ReadAsync(cancellationToken))
            stored.Add(new Response(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetFieldValue<DateTime>(6), reader.GetInt64(7)));
        return stored;
    }
}
