namespace Waitlist.Tests.Features.Profile;

public sealed class ListMySessionsTests(ApiFixture fixture) : ApiTests<ApiFixture>(fixture)
{
    /// <summary>An account signed in <paramref name="count"/> times (the last client is the one returned), one of them expired.</summary>
    private async Task<(AuthClient Client, string Email)> SignedInTimesAsync(int count)
    {
        var email = AuthClient.UniqueEmail();
        var client = new AuthClient(Api);
        await client.SignUpAsync(email);
        for (var i = 1; i < count; i++)
        {
            client = new AuthClient(Api);
            await (await client.PostAsync("/api/auth/sign-in/email", new { email, password = AuthClient.Password })).ShouldBe(HttpStatusCode.OK);
        }
        return (client, email);
    }

    [Fact]
    public async Task The_callers_sessions_newest_first_with_the_current_one_marked_and_no_tokens()
    {
        var (client, _) = await SignedInTimesAsync(3);

        var body = await (await client.GetAsync("/api/user/me/sessions")).ShouldBe(HttpStatusCode.OK);

        var sessions = body.GetProperty("sessions").EnumerateArray().ToList();
        Assert.Equal(3, sessions.Count);
        Assert.Equal([true, false, false], sessions.Select(s => s.GetProperty("current").GetBoolean()));
        Assert.Equal(["createdAt", "current", "expiresAt", "id", "ipAddress", "userAgent", "userId"], sessions[0].EnumerateObject().Select(p => p.Name).Order());
        Assert.DoesNotContain(client.SessionToken, body.ToString());
        var created = sessions.Select(s => s.GetProperty("createdAt").GetDateTime()).ToList();
        Assert.Equal(created.OrderDescending(), created);
        Assert.Equal((3, 50, 0, false), body.Pagination());
    }

    [Fact]
    public async Task Pages_and_the_active_filter_work_at_their_edges()
    {
        var (client, email) = await SignedInTimesAsync(3);
        await using (var db = await Api.OpenDatabaseAsync())
            await db.ExecuteAsync("""
                UPDATE sessions SET expires_at = now() - interval '1 minute'
                WHERE id = (SELECT s.id FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = @email ORDER BY s.created_at LIMIT 1)
                """, new { email });

        var first = await (await client.GetAsync("/api/user/me/sessions?limit=2")).ShouldBe(HttpStatusCode.OK);
        var last = await (await client.GetAsync("/api/user/me/sessions?limit=2&offset=2")).ShouldBe(HttpStatusCode.OK);
        var beyond = await (await client.GetAsync("/api/user/me/sessions?limit=2&offset=3")).ShouldBe(HttpStatusCode.OK);
        var exact = await (await client.GetAsync("/api/user/me/sessions?limit=3")).ShouldBe(HttpStatusCode.OK);
        var active = await (await client.GetAsync("/api/user/me/sessions?active=true")).ShouldBe(HttpStatusCode.OK);
        var ended = await (await client.GetAsync("/api/user/me/sessions?active=false")).ShouldBe(HttpStatusCode.OK);

        Assert.Equal(((3, 2, 0, true), 2), (first.Pagination(), first.GetProperty("sessions").GetArrayLength()));
        Assert.Equal(((3, 2, 2, false), 1), (last.Pagination(), last.GetProperty("sessions").GetArrayLength()));
        Assert.Equal(((3, 2, 3, false), 0), (beyond.Pagination(), beyond.GetProperty("sessions").GetArrayLength()));
        Assert.False(exact.GetProperty("pagination").GetProperty("hasMore").GetBoolean());
        Assert.Equal(2, active.GetProperty("pagination").GetProperty("total").GetInt64());
        Assert.Equal(1, ended.GetProperty("pagination").GetProperty("total").GetInt64());
    }
}
