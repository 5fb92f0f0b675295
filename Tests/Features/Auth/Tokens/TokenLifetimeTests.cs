using Microsoft.IdentityModel.JsonWebTokens;

namespace Waitlist.Tests.Features.Auth.Tokens;

/// <summary>
/// The token API over a month of the API's clock (a <see cref="ManualTimeProvider"/>): access tokens expire after an
/// hour, a refresh token (without rotation) works for its 30 days and then says when it expired, and the signing key
/// rotates, publishing the next key before it signs.
/// </summary>
public sealed class TokenLifetimeTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _time = new();
    private ApiFactory _api = null!;

    public async Task InitializeAsync()
    {
        _api = new ApiFactory(await TestPostgres.CreateDatabaseAsync()) { ConfigureTestServices = _time.Install };
        _api.StartServer();
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task The_same_refresh_token_works_all_month_long_and_then_says_when_it_expired()
    {
        var (_, tokens) = await _api.TokenLoginAsAsync();
        var refreshToken = tokens.Text("refresh_token");

        // Four weeks, then the token's last hour, then an hour past its 30 days.
        foreach (var step in new[] { 7, 7, 7, 7 }.Select(days => TimeSpan.FromDays(days)).Append(TimeSpan.FromHours(47)))
        {
            _time.Advance(step);
            var refreshed = await (await _api.TokenRefreshAsync(refreshToken)).ShouldBe(HttpStatusCode.OK);
            await (await _api.WithAccessToken(refreshed.GetProperty("data").Text("access_token")).GetAsync("/api/user/me")).ShouldBe(HttpStatusCode.OK);
        }
        _time.Advance(TimeSpan.FromHours(2));

        var expired = await (await _api.TokenRefreshAsync(refreshToken)).ShouldBe(HttpStatusCode.Unauthorized);
        Assert.Equal(("error", "TOKEN_EXPIRED"), (expired.Text("status"), expired.Text("code")));
        var expiredAt = expired.GetProperty("details").GetProperty("expired_at").GetDateTime();
        Assert.InRange(_time.GetUtcNow().UtcDateTime - expiredAt, TimeSpan.FromHours(1), TimeSpan.FromHours(1) + TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task An_expired_access_token_is_token_expired_with_the_time_it_expired_wherever_it_calls()
    {
        var (_, tokens) = await _api.TokenLoginAsAsync();
        var client = _api.WithAccessToken(tokens.Text("access_token"));
        await (await client.GetAsync("/api/user/me")).ShouldBe(HttpStatusCode.OK);

        _time.Advance(TimeSpan.FromMinutes(61));

        var onTokenApi = await (await client.PostAsJsonAsync("/api/token/logout", new { refresh_token = tokens.Text("refresh_token") })).ShouldBe(HttpStatusCode.Unauthorized);
        var elsewhere = await (await client.GetAsync("/api/user/me")).ShouldBe(HttpStatusCode.Unauthorized);
        Assert.Equal(["status", "code", "message", "details"], onTokenApi.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("error", "TOKEN_EXPIRED"), (onTokenApi.Text("status"), onTokenApi.Text("code")));
        Assert.Equal(new JsonWebToken(tokens.Text("access_token")).ValidTo, onTokenApi.GetProperty("details").GetProperty("expired_at").GetDateTime());
        Assert.Equal(onTokenApi.GetRawText(), elsewhere.GetRawText());
        Assert.Equal("El token de acceso ha caducado. Pide otro con tu token de actualización.", elsewhere.Text("message"));
    }

    [Fact]
    public async Task The_signing_key_rotates_after_30_days_publishing_the_next_key_before_it_signs()
    {
        var (_, first) = await _api.TokenLoginAsAsync();
        var firstKey = new JsonWebToken(first.Text("access_token")).Kid;

        _time.Advance(TimeSpan.FromDays(30) + TimeSpan.FromMinutes(1));
        var (_, announced) = await _api.TokenLoginAsAsync();
        var published = await (await _api.CreateClient().GetAsync("/api/auth/jwks")).ShouldBe(HttpStatusCode.OK);
        _time.Advance(TimeSpan.FromMinutes(11));
        var (_, rotated) = await _api.TokenLoginAsAsync();
        await (await _api.WithAccessToken(rotated.Text("access_token")).GetAsync("/api/user/me")).ShouldBe(HttpStatusCode.OK);
        _time.Advance(TimeSpan.FromHours(2));
        var later = await (await _api.CreateClient().GetAsync("/api/auth/jwks")).ShouldBe(HttpStatusCode.OK);

        var nextKey = new JsonWebToken(rotated.Text("access_token")).Kid;
        Assert.Equal(firstKey, new JsonWebToken(announced.Text("access_token")).Kid);
        Assert.NotEqual(firstKey, nextKey);
        Assert.Equal([firstKey, nextKey], published.GetProperty("keys").EnumerateArray().Select(k => k.Text("kid")));
        Assert.Equal([nextKey], later.GetProperty("keys").EnumerateArray().Select(k => k.Text("kid")));
        await using var db = await _api.OpenDatabaseAsync();
        var privateKeys = (await db.QueryAsync<byte[]>("SELECT private_key FROM signing_keys")).ToList();
        Assert.Equal(2, privateKeys.Count);
        // Sealed, not PKCS#8: a PKCS#8 key starts with a DER SEQUENCE (0x30) at a fixed offset after the 28 bytes of nonce and tag.
        Assert.All(privateKeys, key => Assert.Throws<System.Security.Cryptography.CryptographicException>(() =>
            System.Security.Cryptography.ECDsa.Create().ImportPkcs8PrivateKey(key, out _)));
    }
}
