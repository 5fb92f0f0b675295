namespace Waitlist.Tests.Features.Waitlist;

/// <summary>Places and referral boosts, each test on a list of its own so that places are exact.</summary>
public sealed class ReferralTests
{
    [Theory]
    [InlineData("5", 150, 51)]
    [InlineData("10", 150, 1)] // 200 places up from 151: clamped to the head of the queue
    public async Task Twenty_referrals_confirmed_at_once_move_the_referrer_up_exactly_twenty_boosts(string boost, int ahead, long expected)
    {
        await using var api = await ListWithConfirmedAsync(ahead, new Dictionary<string, string?> { ["Waitlist:ReferralBoost"] = boost });
        var (referrer, code) = await ReferrerAsync(api, WaitlistClient.UniqueEmail("anfitriona"));
        var before = await api.MeAsync(referrer);
        var referees = Enumerable.Range(0, 20).Select(i => WaitlistClient.UniqueEmail($"invitada{i}")).ToList();
        foreach (var referee in referees)
            await api.JoinAsync(referee, code);

        var confirmations = await Task.WhenAll(referees.Select(api.ConfirmAsync));

        Assert.All(confirmations, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        Assert.Equal(ahead + 1, before.GetProperty("position").GetInt64());
        var after = await api.MeAsync(referrer);
        Assert.Equal(expected, after.GetProperty("position").GetInt64());
        Assert.Equal(20, after.GetProperty("referrals").GetInt64());
        Assert.Equal(ahead + 21, after.GetProperty("total").GetInt64());
        // The referees queue behind everyone who was there before them.
        Assert.Equal(ahead + 21, (await api.MeAsync(await api.EntryTokenAsync(referees[^1]))).GetProperty("position").GetInt64());
    }

    [Fact]
    public async Task Each_confirmed_referral_moves_the_referrer_up_and_unconfirmed_ones_do_not()
    {
        await using var api = await ListWithConfirmedAsync(12);
        var (referrer, code) = await ReferrerAsync(api, WaitlistClient.UniqueEmail("anfitrion"));

        await api.JoinAsync(WaitlistClient.UniqueEmail("sin-confirmar"), code);
        Assert.Equal((13, 0), Place(await api.MeAsync(referrer)));

        await api.JoinConfirmedAsync(WaitlistClient.UniqueEmail("primera"), code);
        Assert.Equal((8, 1), Place(await api.MeAsync(referrer)));

        await api.JoinConfirmedAsync(WaitlistClient.UniqueEmail("segunda"), code.ToUpperInvariant());
        Assert.Equal((3, 2), Place(await api.MeAsync(referrer)));

        // An unknown code names nobody; the sign-up goes ahead.
        await api.JoinConfirmedAsync(WaitlistClient.UniqueEmail("codigo-raro"), "zzzzzzzzzzzz");
        await api.JoinConfirmedAsync(WaitlistClient.UniqueEmail("codigo-roto"), "<script>");
        Assert.Equal((3, 2), Place(await api.MeAsync(referrer)));
    }

    [Fact]
    public async Task Referrals_from_the_referrers_own_network_count_twice_a_day_even_when_confirmed_at_once()
    {
        await using var api = await ListWithConfirmedAsync(40);
        var network = WaitlistClient.UniqueNetworkIp()[..^1]; // "10.x.y."
        var (referrer, code) = await ReferrerAsync(api, WaitlistClient.UniqueEmail("oficina"), ip: network + "10");
        var colleagues = Enumerable.Range(1, 6).Select(i => WaitlistClient.UniqueEmail($"companera{i}")).ToList();
        for (var i = 0; i < colleagues.Count; i++)
            await api.JoinAsync(colleagues[i], code, ip: network + (20 + i)); // the same /24, another address
        await api.JoinAsync(WaitlistClient.UniqueEmail("fuera"), code, ip: network + "10"); // the referrer's own address

        await Task.WhenAll(colleagues.Select(api.ConfirmAsync));
        await api.JoinConfirmedAsync(WaitlistClient.UniqueEmail("de-otra-red"), code);

        Assert.Equal((41 - 3 * 5, 3), Place(await api.MeAsync(referrer)));
        await using var db = await api.OpenDatabaseAsync();
        Assert.Equal(2, await db.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM waitlist_entries WHERE referral_counted AND host(signup_ip) LIKE @prefix", new { prefix = network + "%" }));
    }

    [Fact]
    public async Task A_self_referral_does_not_count()
    {
        await using var api = await ListWithConfirmedAsync(10);
        var id = Guid.NewGuid().ToString("N")[..10];
        var (referrer, code) = await ReferrerAsync(api, $"ana.{id}@gmail.com");

        await api.JoinConfirmedAsync($"ana.{id}+segunda@gmail.com", code);
        await api.JoinConfirmedAsync($"an.a{id}@googlemail.com", code);

        Assert.Equal((11, 0), Place(await api.MeAsync(referrer)));
    }

    [Fact]
    public async Task When_a_referee_leaves_its_referrer_loses_the_boost()
    {
        await using var api = await ListWithConfirmedAsync(10);
        var (referrer, code) = await ReferrerAsync(api, WaitlistClient.UniqueEmail("anfitriona"));
        var referee = await api.JoinConfirmedAsync(WaitlistClient.UniqueEmail("se-va"), code);
        Assert.Equal((6, 1), Place(await api.MeAsync(referrer)));

        await (await api.ClientFrom(TestIps.Unique()).PostAsync($"/api/waitlist/unsubscribe?token={referee}", null)).ShouldBePage(HttpStatusCode.OK);

        Assert.Equal((11, 0), Place(await api.MeAsync(referrer)));
    }

    [Fact]
    public async Task When_a_referrer_leaves_its_referrals_stay_pointing_at_no_one()
    {
        await using var api = await ApiFactory.StartAsync();
        var referrerEmail = WaitlistClient.UniqueEmail("se-marcha");
        var (referrer, code) = await ReferrerAsync(api, referrerEmail);
        var referees = new[] { WaitlistClient.UniqueEmail("queda1"), WaitlistClient.UniqueEmail("queda2") };
        await api.JoinConfirmedAsync(referees[0], code);
        await api.JoinAsync(referees[1], code);

        await (await api.ClientFrom(TestIps.Unique()).PostAsync($"/api/waitlist/unsubscribe?token={referrer}", null)).ShouldBePage(HttpStatusCode.OK);

        await using var db = await api.OpenDatabaseAsync();
        var rows = (await db.QueryAsync<(string Email, Guid? ReferredBy)>(
            "SELECT email, referred_by FROM waitlist_entries WHERE email = ANY(@referees) ORDER BY email", new { referees })).ToList();
        Assert.Equal(referees.Order(), rows.Select(r => r.Email));
        Assert.All(rows, row => Assert.Null(row.ReferredBy));
        Assert.Equal(0, await db.ExecuteScalarAsync<int>("SELECT count(*) FROM waitlist_entries WHERE email = @referrerEmail", new { referrerEmail }));
    }

    private static (long Position, long Referrals) Place(JsonElement me) =>
        (me.GetProperty("position").GetInt64(), me.GetProperty("referrals").GetInt64());

    /// <summary>Joins confirmed; returns the entry's personal token and its referral code.</summary>
    private static async Task<(string Token, string Code)> ReferrerAsync(ApiFactory api, string email, string? ip = null)
    {
        var token = await api.JoinConfirmedAsync(email, ip: ip);
        return (token, (await api.MeAsync(token)).GetProperty("referralCode").GetString()!);
    }

    /// <summary>An API on a list of its own holding <paramref name="count"/> confirmed entries, in arrival order ahead of whoever joins next.</summary>
    private static async Task<ApiFactory> ListWithConfirmedAsync(int count, Dictionary<string, string?>? settings = null)
    {
        var api = await ApiFactory.StartAsync(settings);
        await using var db = await api.OpenDatabaseAsync();
        await db.ExecuteAsync("""
            INSERT INTO waitlist_entries (id, email, type, name, field, status, confirmed_at, referral_code)
            SELECT gen_random_uuid(), 'antes-' || i || '-' || gen_random_uuid() || '@example.com', 'professional', 'Persona de Prueba', 'Física',
                   'confirmed', now(), waitlist_new_referral_code()
            FROM generate_series(1, @count) AS i ORDER BY i
            """, new { count });
        return api;
    }
}
