namespace Waitlist.Tests.Features.Auth.Jobs;

public sealed class SessionsCleanupJobTests(CronFixture fixture) : ApiTests<CronFixture>(fixture)
{
    [Fact]
    public async Task Deletes_expired_sessions_and_tokens_keeps_live_ones_and_a_second_run_deletes_nothing()
    {
        var user = await Seed.UserAsync(Api, Seed.UniqueEmail());
        var expiredSession = await Seed.SessionAsync(Api, user, TimeSpan.FromSeconds(-1));
        var liveSession = await Seed.SessionAsync(Api, user, TimeSpan.FromDays(7));
        var expiredReset = await Seed.VerificationAsync(Api, user, TimeSpan.FromMinutes(-10), "password-reset");
        var expiredVerification = await Seed.VerificationAsync(Api, user, TimeSpan.FromDays(-2), "email-verification");
        var liveReset = await Seed.VerificationAsync(Api, user, TimeSpan.FromHours(1), "password-reset");

        var first = await Api.RunJobAsync("sessions.cleanup");
        var second = await Api.RunJobAsync("sessions.cleanup");

        Assert.Equal(("ok", 3), (first.Status(), first.Affected()));
        Assert.Equal(("ok", 0), (second.Status(), second.Affected()));
        Assert.Equal(0, await Api.CountAsync("SELECT count(*) FROM sessions WHERE id = @expiredSession", new { expiredSession }));
        Assert.Equal(1, await Api.CountAsync("SELECT count(*) FROM sessions WHERE id = @liveSession", new { liveSession }));
        Assert.Equal(0, await Api.CountAsync("SELECT count(*) FROM verifications WHERE id IN (@expiredReset, @expiredVerification)", new { expiredReset, expiredVerification }));
        Assert.Equal(1, await Api.CountAsync("SELECT count(*) FROM verifications WHERE id = @liveReset", new { liveReset }));
        Assert.Equal(1, await Api.CountAsync("SELECT count(*) FROM users WHERE id = @user", new { user }));
    }

    [Fact]
    public async Task Deletes_expired_api_keys_refresh_tokens_and_revocations_and_signing_keys_retired_over_a_day_ago()
    {
        var user = await Seed.UserAsync(Api, Seed.UniqueEmail());
        var rows = new Dictionary<string, (string Table, TimeSpan Offset)>
        {
            ["expired-key"] = ("api_keys", TimeSpan.FromSeconds(-1)),
            ["live-key"] = ("api_keys", TimeSpan.FromDays(1)),
            ["expired-refresh"] = ("refresh_tokens", TimeSpan.FromSeconds(-1)),
            ["live-refresh"] = ("refresh_tokens", TimeSpan.FromDays(30)),
            ["expired-revocation"] = ("revoked_access_tokens", TimeSpan.FromSeconds(-1)),
            ["live-revocation"] = ("revoked_access_tokens", TimeSpan.FromHours(1)),
            // Signing keys by when they start signing: the first stopped two days ago, the second yesterday evening,
            // the third signs now and the fourth is announced.
            ["retired-signing-key"] = ("signing_keys", -TimeSpan.FromDays(40)),
            ["recent-signing-key"] = ("signing_keys", -TimeSpan.FromDays(2)),
            ["signing-key"] = ("signing_keys", -TimeSpan.FromHours(20)),
            ["next-signing-key"] = ("signing_keys", TimeSpan.FromMinutes(5)),
        };
        var suffix = Guid.NewGuid().ToString("N")[..8];
        await using (var db = await Api.OpenDatabaseAsync())
            foreach (var (name, (table, offset)) in rows)
            {
                var parameters = new { id = $"{name}-{suffix}", user, offset, hash = Guid.NewGuid().ToByteArray() };
                await db.ExecuteAsync(table switch
                {
                    "api_keys" => "INSERT INTO api_keys (id, user_id, start, key_hash, expires_at, created_at, updated_at) VALUES (@id, @user, 'abcdef', @hash, now() + @offset, now(), now())",
                    "refresh_tokens" => "INSERT INTO refresh_tokens (id, family_id, user_id, token_hash, expires_at, created_at) VALUES (@id, @id, @user, @hash, now() + @offset, now())",
                    "revoked_access_tokens" => "INSERT INTO revoked_access_tokens (jti, expires_at) VALUES (@id, now() + @offset)",
                    _ => "INSERT INTO signing_keys (id, algorithm, public_key, private_key, signs_from, created_at) VALUES (@id, 'ES256', @hash, @hash, now() + @offset, now())",
                }, parameters);
            }

        var first = await Api.RunJobAsync("sessions.cleanup");
        var second = await Api.RunJobAsync("sessions.cleanup");

        Assert.Equal(("ok", 4), (first.Status(), first.Affected()));
        Assert.Equal(("ok", 0), (second.Status(), second.Affected()));
        await using var check = await Api.OpenDatabaseAsync();
        var left = await check.QueryAsync<string>("""
            SELECT id FROM api_keys WHERE id LIKE '%-' || @suffix UNION ALL SELECT id FROM refresh_tokens WHERE id LIKE '%-' || @suffix
            UNION ALL SELECT jti FROM revoked_access_tokens WHERE jti LIKE '%-' || @suffix UNION ALL SELECT id FROM signing_keys WHERE id LIKE '%-' || @suffix
            """, new { suffix });
        Assert.Equal(["live-key", "live-refresh", "live-revocation", "next-signing-key", "recent-signing-key", "signing-key"], left.Select(id => id[..^9]).Order());
    }
}
