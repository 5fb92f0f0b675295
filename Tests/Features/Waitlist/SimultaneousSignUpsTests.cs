namespace Waitlist.Tests.Features.Waitlist;

/// <summary>
/// Sign-ups that arrive while the database is busy with earlier ones gather, and one statement stores them in one
/// transaction. Each still gets its own answer, place and email. The tests make the database busy by locking the
/// waitlist's table until the batch on its way waits for it.
/// </summary>
public sealed class SimultaneousSignUpsTests(ApiFixture fixture) : ApiTests<ApiFixture>(fixture)
{
    [Fact]
    public async Task Sign_ups_that_gather_are_stored_in_one_transaction_each_with_its_201_place_and_confirmation()
    {
        var emails = Enumerable.Range(0, 12).Select(_ => WaitlistClient.UniqueEmail("reunida")).ToArray();

        var responses = await GatheredAsync(emails.Select(email => WaitlistClient.Professional(email)));

        var bodies = await Task.WhenAll(responses.Select(response => response.ShouldBe(HttpStatusCode.Created)));
        Assert.Equal(emails, bodies.Select(body => body.GetProperty("email").GetString()));
        var positions = bodies.Select(body => body.GetProperty("position").GetInt64()).Order().ToArray();
        Assert.Equal(Enumerable.Range(0, 12).Select(i => positions[0] + i), positions);

        await using var db = await Api.OpenDatabaseAsync();
        Assert.Equal(1, await db.ExecuteScalarAsync<int>(
            "SELECT count(DISTINCT created_at) FROM waitlist_entries WHERE email = ANY (@emails)", new { emails }));
        var confirmations = await db.QueryAsync<string>(
            "SELECT to_address FROM email_outbox WHERE template = 'WaitlistConfirmation' AND to_address = ANY (@emails)", new { emails });
        Assert.Equal(emails.Order(), confirmations.Order());
    }

    [Fact]
    public async Task One_address_twice_in_a_gathered_batch_is_stored_once_and_leaves_no_gap_in_the_places()
    {
        var twice = WaitlistClient.UniqueEmail("dos-veces");
        string[] emails = [WaitlistClient.UniqueEmail("antes"), twice, $"  {twice.ToUpperInvariant()} ", WaitlistClient.UniqueEmail("despues")];

        var responses = await GatheredAsync(emails.Select(email => WaitlistClient.Professional(email)));

        Assert.Equal(HttpStatusCode.Created, responses[0].StatusCode);
        Assert.Equal(HttpStatusCode.Created, responses[3].StatusCode);
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], responses[1..3].Select(response => response.StatusCode).Order());
        var created = await Task.WhenAll(responses.Where(response => response.StatusCode == HttpStatusCode.Created).Select(response => response.ShouldBe(HttpStatusCode.Created)));
        var positions = created.Select(body => body.GetProperty("position").GetInt64()).Order().ToArray();
        Assert.Equal([positions[0], positions[0] + 1, positions[0] + 2], positions);

        await using var db = await Api.OpenDatabaseAsync();
        Assert.Equal(1, await db.ExecuteScalarAsync<int>("SELECT count(*) FROM email_outbox WHERE to_address = @twice", new { twice }));
    }

    [Fact]
    public async Task A_sign_up_the_database_refuses_fails_alone_and_the_rest_of_its_batch_is_stored()
    {
        await using var refusal = await Api.RefuseEntriesNamedAsync("Refused Fault");
        var emails = Enumerable.Range(0, 5).Select(_ => WaitlistClient.UniqueEmail("vecina")).ToArray();
        var refused = WaitlistClient.UniqueEmail("rechazada");

        var responses = await GatheredAsync([.. emails.Take(2).Select(email => WaitlistClient.Professional(email)),
            WaitlistClient.Professional(refused, name: "Refused Fault"), .. emails.Skip(2).Select(email => WaitlistClient.Professional(email))]);

        Assert.Equal(
            [HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.InternalServerError, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created],
            responses.Select(response => response.StatusCode));
        await using var db = await Api.OpenDatabaseAsync();
        Assert.Equal(5, await db.ExecuteScalarAsync<int>("SELECT count(*) FROM waitlist_entries WHERE email = ANY (@emails)", new { emails }));
        Assert.Equal(0, await db.ExecuteScalarAsync<int>("SELECT count(*) FROM email_outbox WHERE to_address = @refused", new { refused }));
    }

    /// <summary>
    /// Posts <paramref name="bodies"/> while the batch on its way is held up by a lock on the waitlist's
    /// table, so that they gather into one batch; answers their responses, in order, once the lock is gone.
    /// </summary>
    private async Task<HttpResponseMessage[]> GatheredAsync(IEnumerable<object> bodies)
    {
        await using var db = await Api.OpenDatabaseAsync();
        await using var transaction = await db.BeginTransactionAsync();
        await db.ExecuteAsync("LOCK TABLE waitlist_entries IN SHARE MODE", transaction: transaction);

        var heldUp = Api.ClientFrom(TestIps.Unique()).PostJsonAsync("/api/waitlist", WaitlistClient.Professional(WaitlistClient.UniqueEmail("retenida")));
        await Conditions.WaitUntilAsync(async () => await WaitingForLockAsync() == 1);

        var hitsBefore = await RateLimitHitsAsync();
        var posts = bodies.Select(body => Api.ClientFrom(TestIps.Unique()).PostJsonAsync("/api/waitlist", body)).ToArray();
        // Each post is counted by the rate limiter just before it reaches the sign-ups; the pause covers that last step
        // on a busy machine.
        await Conditions.WaitUntilAsync(async () => await RateLimitHitsAsync() == hitsBefore + posts.Length);
        await Task.Delay(TimeSpan.FromSeconds(1));

        await transaction.CommitAsync();
        Assert.Equal(HttpStatusCode.Created, (await heldUp).StatusCode);
        return await Task.WhenAll(posts);
    }

    private async Task<int> WaitingForLockAsync()
    {
        await using var db = await Api.OpenDatabaseAsync();
        return await db.ExecuteScalarAsync<int>("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");
    }

    private async Task<int> RateLimitHitsAsync()
    {
        await using var db = await Api.OpenDatabaseAsync();
        return await db.ExecuteScalarAsync<int>("SELECT coalesce(sum(hits), 0) FROM rate_limit_windows");
    }
}
