namespace Waitlist.Tests.Features.Waitlist;

public sealed class GetMyPlaceTests(ApiFixture fixture) : ApiTests<ApiFixture>(fixture)
{
    [Fact]
    public async Task A_pending_entry_has_no_place_and_no_share_link_yet()
    {
        var email = await Api.PendingEntryAsync("espera");

        var response = await Api.ClientFrom(TestIps.Unique()).GetAsync($"/api/waitlist/me?token={await Api.EntryTokenAsync(email)}");

        var me = await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("no-store", response.Header("Cache-Control"));
        Assert.Equal("pending", me.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, me.GetProperty("position").ValueKind);
        Assert.Equal(JsonValueKind.Null, me.GetProperty("referralCode").ValueKind);
        Assert.Equal(JsonValueKind.Null, me.GetProperty("shareUrl").ValueKind);
        Assert.Equal(0, me.GetProperty("referrals").GetInt64());
        Assert.True(me.GetProperty("total").GetInt64() >= 0);
    }

    [Fact]
    public async Task A_confirmed_entry_sees_its_place_among_the_confirmed_and_its_share_link()
    {
        var (email, token) = await Api.ConfirmedEntryAsync("dentro");
        await Api.JoinAsync(WaitlistClient.UniqueEmail("detras-sin-confirmar"));

        var me = await Api.MeAsync(token);

        await using var db = await Api.OpenDatabaseAsync();
        var confirmed = await db.ExecuteScalarAsync<long>("SELECT count(*) FROM waitlist_entries WHERE status = 'confirmed'");
        var code = await db.ExecuteScalarAsync<string>("SELECT referral_code FROM waitlist_entries WHERE email = @email", new { email });
        Assert.Equal("confirmed", me.GetProperty("status").GetString());
        Assert.Equal(confirmed, me.GetProperty("position").GetInt64());
        Assert.Equal(confirmed, me.GetProperty("total").GetInt64());
        Assert.Equal(code, me.GetProperty("referralCode").GetString());
        Assert.Equal($"http://localhost:3000/?ref={code}", me.GetProperty("shareUrl").GetString());
    }

    [Fact]
    public async Task A_forged_token_is_a_400_and_the_token_of_an_erased_entry_a_404()
    {
        var (email, token) = await Api.ConfirmedEntryAsync("se-fue");
        var confirmLink = await Api.ConfirmLinkAsync(email);

        foreach (var forged in new[] { "", "x", token[..^3] + "AAA", WaitlistClient.TokenOf(confirmLink) })
        {
            var body = await (await Api.ClientFrom(TestIps.Unique()).GetAsync($"/api/waitlist/me?token={forged}")).ShouldBe(HttpStatusCode.BadRequest);
            Assert.Equal("INVALID_TOKEN", body.GetProperty("code").GetString());
        }

        await using (var db = await Api.OpenDatabaseAsync())
            await db.ExecuteAsync("DELETE FROM waitlist_entries WHERE email = @email", new { email });
        var gone = await (await Api.ClientFrom(TestIps.Unique()).GetAsync($"/api/waitlist/me?token={token}")).ShouldBe(HttpStatusCode.NotFound);
        Assert.Equal("ENTRY_NOT_FOUND", gone.GetProperty("code").GetString());
    }
}
