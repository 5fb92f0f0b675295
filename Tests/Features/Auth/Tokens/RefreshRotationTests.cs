namespace Waitlist.Tests.Features.Auth.Tokens;

/// <summary>With <c>Tokens:RotateRefreshTokens</c>: each refresh answers a successor, and a retired token presented again revokes the whole login.</summary>
public sealed class RefreshRotationTests : IAsyncLifetime
{
    private ApiFactory _api = null!;

    public async Task InitializeAsync() => _api = await ApiFactory.StartAsync(new Dictionary<string, string?> { ["Tokens:RotateRefreshTokens"] = "true" });

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Reusing_a_rotated_refresh_token_revokes_the_whole_family()
    {
        var (browser, tokens) = await _api.TokenLoginAsAsync();
        var (_, otherLogin) = await _api.TokenLoginAsAsync();
        var original = tokens.Text("refresh_token");

        var first = (await (await _api.TokenRefreshAsync(original)).ShouldBe(HttpStatusCode.OK)).GetProperty("data");
        var second = (await (await _api.TokenRefreshAsync(first.Text("refresh_token"))).ShouldBe(HttpStatusCode.OK)).GetProperty("data");
        // The original again: a thief's copy, or the owner's after a thief used it.
        var reused = await (await _api.TokenRefreshAsync(original)).ShouldBe(HttpStatusCode.Unauthorized);
        var successor = await (await _api.TokenRefreshAsync(second.Text("refresh_token"))).ShouldBe(HttpStatusCode.Unauthorized);

        Assert.Equal(["access_token", "token_type", "expires_in", "refresh_token"], first.EnumerateObject().Select(p => p.Name));
        Assert.NotEqual(original, first.Text("refresh_token"));
        Assert.Equal("INVALID_TOKEN", reused.Text("code"));
        Assert.Contains("ya se había usado", reused.Text("message"));
        Assert.Equal("INVALID_TOKEN", successor.Text("code"));
        await using var db = await _api.OpenDatabaseAsync();
        Assert.Equal(0, await db.ExecuteScalarAsync<long>("SELECT count(*) FROM refresh_tokens WHERE user_id = @id", new { id = await browser.UserIdAsync() }));
        await (await _api.TokenRefreshAsync(otherLogin.Text("refresh_token"))).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Two_refreshes_with_one_token_at_once_leave_at_most_one_winner_and_no_live_family_behind_a_loser()
    {
        var (_, tokens) = await _api.TokenLoginAsAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _api.TokenRefreshAsync(tokens.Text("refresh_token"))));

        Assert.True(answers.Count(a => a.StatusCode == HttpStatusCode.OK) <= 1);
        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.Unauthorized);
        foreach (var won in answers.Where(a => a.StatusCode == HttpStatusCode.OK))
        {
            var successor = (await won.ShouldBe(HttpStatusCode.OK)).GetProperty("data").Text("refresh_token");
            await (await _api.TokenRefreshAsync(successor)).ShouldBe(HttpStatusCode.Unauthorized);
        }
    }
}
