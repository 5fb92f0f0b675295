namespace Waitlist.Tests.Features.Auth;

/// <summary>
/// A browser-like caller of /api/auth: its own client IP, an Origin header on every request, and the cookies the API
/// set (kept by hand, so tests can see and tamper with them).
/// </summary>
public sealed class AuthClient
{
    public const string TrustedOrigin = "http://localhost:4000";
    public const string Password = "Corr3ct-horse-battery";

    private readonly HttpClient _http;

    public AuthClient(ApiFactory api, string? origin = TrustedOrigin, string? ip = null)
    {
        Api = api;
        // A plain socket client: the factory's own clients keep a cookie container that would add cookies behind the test's back.
        api.CreateClient().Dispose(); // starts the server if needed, which fixes the base address
        _http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = api.ClientOptions.BaseAddress };
        _http.DefaultRequestHeaders.Add("X-Forwarded-For", ip ?? TestIps.Unique());
        _http.DefaultRequestHeaders.Add("User-Agent", "AuthTests/1.0");
        Origin = origin;
    }

    public ApiFactory Api { get; }

    /// <summary>The same browser (address and cookies) talking to another instance of the API.</summary>
    public AuthClient On(ApiFactory other, string? ip = null)
    {
        var client = new AuthClient(other, Origin, ip);
        foreach (var (name, value) in Cookies)
            client.Cookies[name] = value;
        return client;
    }

    public string? Origin { get; set; }

    public string? Referer { get; set; }

    /// <summary>Cookie name → value as the API last set them (URL-encoded, as on the wire).</summary>
    public Dictionary<string, string> Cookies { get; } = new();

    public string? SessionCookie => Cookies.GetValueOrDefault("better-auth.session_token");

    /// <summary>The raw token (before the signature) of the session cookie.</summary>
    public string SessionToken => Uri.UnescapeDataString(SessionCookie!).Split('.')[0];

    public Task<HttpResponseMessage> PostAsync(string path, object? body = null) =>
        SendAsync(HttpMethod.Post, path, body is null ? null : JsonContent.Create(body));

    public Task<HttpResponseMessage> PostRawAsync(string path, string json) =>
        SendAsync(HttpMethod.Post, path, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

    public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    public Task<HttpResponseMessage> PatchAsync(string path, object body) => SendAsync(HttpMethod.Patch, path, JsonContent.Create(body));

    public Task<HttpResponseMessage> PatchRawAsync(string path, string json) =>
        SendAsync(HttpMethod.Patch, path, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

    public Task<HttpResponseMessage> DeleteAsync(string path, object? body = null) =>
        SendAsync(HttpMethod.Delete, path, body is null ? null : JsonContent.Create(body));

    /// <param name="expectContinue">Send <c>Expect: 100-continue</c> and wait for the server before the body, as curl does for large bodies.</param>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content, bool expectContinue = false)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (expectContinue)
            request.Headers.ExpectContinue = true;
        if (Origin is not null)
            request.Headers.Add("Origin", Origin);
        if (Referer is not null)
            request.Headers.Referrer = new Uri(Referer);
        if (Cookies.Count > 0)
            request.Headers.Add("Cookie", string.Join("; ", Cookies.Select(c => $"{c.Key}={c.Value}")));
        var response = await _http.SendAsync(request);
        foreach (var setCookie in SetCookies(response))
        {
            var pair = setCookie.Split(';')[0];
            var name = pair[..pair.IndexOf('=')];
            var value = pair[(pair.IndexOf('=') + 1)..];
            if (value.Length == 0 || setCookie.Contains("Max-Age=0", StringComparison.OrdinalIgnoreCase))
                Cookies.Remove(name);
            else
                Cookies[name] = value;
        }
        return response;
    }

    public static string[] SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToArray() : [];

    public static string UniqueEmail(string prefix = "persona") => $"{prefix}-{Guid.NewGuid():N}@example.com";

    public static string UniqueUsername(string prefix = "u") => $"{prefix}_{Guid.NewGuid():N}"[..24];

    /// <summary>A fresh account given <paramref name="role"/> in the database, and a client signed in as it.</summary>
    public static async Task<AuthClient> SignedInAsAsync(ApiFactory api, string role)
    {
        var email = UniqueEmail(role);
        var client = new AuthClient(api);
        await client.SignUpAsync(email);
        await using var db = await api.OpenDatabaseAsync();
        await db.ExecuteAsync("UPDATE users SET role = @role WHERE email = @email", new { role, email });
        return client;
    }

    /// <summary>A fresh account, signed up on a client of its own: its address, for tests about what others do with it.</summary>
    public static async Task<string> NewAccountAsync(ApiFactory api, string prefix = "persona")
    {
        var email = UniqueEmail(prefix);
        await new AuthClient(api).SignUpAsync(email);
        return email;
    }

    /// <summary>The id of the account this client is signed in as.</summary>
    public async Task<string> UserIdAsync() =>
        (await (await GetAsync("/api/auth/get-session")).ShouldBe(HttpStatusCode.OK)).GetProperty("user").GetProperty("id").GetString()!;

    /// <summary>Signs up a fresh account (and is then signed in as it).</summary>
    public async Task<JsonElement> SignUpAsync(string? email = null, string? username = null, string password = Password, string name = "Ana Pérez")
    {
        var response = await PostAsync("/api/auth/sign-up/email", new { name, email = email ?? UniqueEmail(), password, username });
        return await response.ShouldBe(HttpStatusCode.OK);
    }
}
