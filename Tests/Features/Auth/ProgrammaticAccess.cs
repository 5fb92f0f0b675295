using System.Net.Http.Headers;

namespace Waitlist.Tests.Features.Auth;

/// <summary>Scripts and integrations as the tests play them: an API key or an access token on a client of their own.</summary>
public static class ProgrammaticAccess
{
    /// <summary>Creates an API key for the signed-in <paramref name="owner"/>; the answer holds the key, shown this once.</summary>
    public static async Task<JsonElement> CreateApiKeyAsync(this AuthClient owner, object? body = null) =>
        await (await owner.PostAsync("/api/auth/api-key/create", body ?? new { name = "script" })).ShouldBe(HttpStatusCode.OK);

    /// <summary>A client with no cookie that sends <paramref name="key"/> in <c>x-api-key</c>, or as a bearer token.</summary>
    public static HttpClient WithApiKey(this ApiFactory api, string key, bool asBearer = false)
    {
        var client = api.ClientFrom(TestIps.Unique());
        if (asBearer)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        else
            client.DefaultRequestHeaders.Add("x-api-key", key);
        return client;
    }

    /// <summary>A client with no cookie that sends <c>Authorization: Bearer <paramref name="accessToken"/></c>.</summary>
    public static HttpClient WithAccessToken(this ApiFactory api, string accessToken) => api.WithApiKey(accessToken, asBearer: true);

    /// <summary>POST /api/token/login; the answer's <c>data</c>.</summary>
    public static async Task<JsonElement> TokenLoginAsync(this ApiFactory api, string email, string password = AuthClient.Password)
    {
        var body = await (await api.ClientFrom(TestIps.Unique()).PostAsJsonAsync("/api/token/login", new { email, password })).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("success", body.GetProperty("status").GetString());
        return body.GetProperty("data");
    }

    /// <summary>POST /api/token/refresh from an address of its own.</summary>
    public static Task<HttpResponseMessage> TokenRefreshAsync(this ApiFactory api, string refreshToken) =>
        api.ClientFrom(TestIps.Unique()).PostAsJsonAsync("/api/token/refresh", new { refresh_token = refreshToken });

    /// <summary>A fresh account with <paramref name="role"/>, logged in through the token API.</summary>
    public static async Task<(AuthClient Browser, JsonElement Tokens)> TokenLoginAsAsync(this ApiFactory api, string role = "user")
    {
        var browser = await AuthClient.SignedInAsAsync(api, role);
        var email = (await (await browser.GetAsync("/api/auth/get-session")).ShouldBe(HttpStatusCode.OK)).GetProperty("user").GetProperty("email").GetString()!;
        return (browser, await api.TokenLoginAsync(email));
    }

    public static string Text(this JsonElement element, string property) => element.GetProperty(property).GetString()!;
}
