using System.Net.Http.Headers;

namespace Waitlist.Tests.Features.Auth;

/// <summary>
/// No input makes /api/auth or /api/token answer 500: NUL bytes, lone surrogates, wrong types, huge values, odd content
/// types, and credentials (API keys, access tokens) that are not what they claim to be.
/// </summary>
public sealed class NastyInputTests(ApiFixture fixture) : ApiTests<ApiFixture>(fixture)
{
    private static readonly string[] Values =
    [
        "\"a\\u0000b@example.com\"", "\"\\ud800\"", "\"\\udfff\\ud800xxxxxxxx\"", "123", "true", "null", "[]", "{}",
        $"\"{new string('x', 5000)}\"", "\"%00\"", "\"' OR 1=1 --\"", "\"ｃｏｎｔｒａ\"", "-1", "1e309",
    ];

    private static readonly string[] Paths =
    [
        "/api/auth/sign-up/email", "/api/auth/sign-in/email", "/api/auth/sign-in/username", "/api/auth/request-password-reset",
        "/api/auth/reset-password", "/api/auth/send-verification-email", "/api/auth/is-username-available",
        "/api/auth/update-user", "/api/auth/change-password", "/api/auth/revoke-session", "/api/auth/admin/create-user",
        "/api/auth/admin/ban-user", "/api/auth/admin/list-user-sessions", "/api/auth/api-key/create", "/api/auth/api-key/update",
        "/api/auth/api-key/delete", "/api/token/login", "/api/token/refresh",
    ];

    private static readonly string[] Fields =
    [
        "email", "password", "name", "username", "image", "callbackURL", "redirectTo", "token", "newPassword",
        "currentPassword", "userId", "role", "banReason", "banExpiresIn", "rememberMe", "displayUsername", "keyId", "expiresIn",
        "prefix", "enabled", "metadata", "remaining", "permissions", "refresh_token",
    ];

    [Fact]
    public async Task No_field_value_produces_a_500()
    {
        var admin = await AuthClient.SignedInAsAsync(Api, "admin");
        var failures = new List<string>();
        foreach (var path in Paths)
            foreach (var value in Values)
            {
                // Every field set to the value at once, and each field alone next to otherwise valid fields.
                var all = "{" + string.Join(",", Fields.Select(f => $"\"{f}\":{value}")) + "}";
                await Probe(admin, path, all, failures);
                // Strings that pass validation but could trip the database or the KDF, each in an otherwise valid body.
                if (value is not ("\"a\\u0000b@example.com\"" or "\"\\ud800\"" or "\"\\udfff\\ud800xxxxxxxx\""))
                    continue;
                foreach (var field in Fields)
                {
                    var json = $$"""{"name":"Ana","email":"{{Guid.NewGuid():N}}@example.com","password":"Corr3ct-horse-battery","username":"u{{Guid.NewGuid().ToString("N")[..20]}}","newPassword":"Corr3ct-horse-battery","currentPassword":"x","token":"t","userId":"u","role":"user"}""";
                    await Probe(admin, path, json.TrimEnd('}') + $",\"{field}\":{value}}}", failures);
                }
            }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static async Task Probe(AuthClient client, string path, string json, List<string> failures)
    {
        // A fresh IP per probe keeps the rate limiter out of the way; the session cookie stays.
        var probe = new AuthClient(client.Api) { };
        foreach (var (name, value) in client.Cookies)
            probe.Cookies[name] = value;
        var response = await probe.PostRawAsync(path, json);
        if ((int)response.StatusCode >= 500)
            failures.Add($"{path} {json[..Math.Min(json.Length, 200)]} -> {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData(null)]
    public async Task A_body_that_is_not_json_is_a_415_in_better_auths_shape(string? contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("email=a@example.com&password=x"));
        if (contentType is not null)
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        var response = await new AuthClient(Api).SendAsync(HttpMethod.Post, "/api/auth/sign-in/email", content);

        var body = await response.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("""{"code":"UNSUPPORTED_MEDIA_TYPE","message":"El cuerpo debe enviarse como JSON (Content-Type: application/json)."}""", body.GetRawText());
    }

    [Theory]
    [InlineData("bogus")]
    [InlineData("iso-8859-1")]
    public async Task A_json_body_declared_in_another_charset_is_a_415_and_logs_no_error(string charset)
    {
        var content = new StringContent("""{"email":"a@example.com","password":"x"}""");
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"application/json; charset={charset}");

        var response = await new AuthClient(Api).SendAsync(HttpMethod.Post, "/api/auth/sign-in/email", content);

        var body = await response.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("UNSUPPORTED_MEDIA_TYPE", body.GetProperty("code").GetString());
        Assert.Contains("UTF-8", body.GetProperty("message").GetString());
        Assert.Empty(Api.Logs.Errors);
    }

    [Theory]
    [InlineData("Ana\\r\\nAsunto: tu cuenta ha sido bloqueada")]
    [InlineData("Ana\\u001b[31m")]
    [InlineData("Ana\\tPérez")]
    public async Task A_name_with_control_characters_is_refused_wherever_a_name_is_set(string name)
    {
        var admin = await AuthClient.SignedInAsAsync(Api, "admin");
        var email = AuthClient.UniqueEmail();

        var signUp = await new AuthClient(Api).PostRawAsync("/api/auth/sign-up/email", $$"""{"name":"{{name}}","email":"{{email}}","password":"{{AuthClient.Password}}"}""");
        var update = await admin.PostRawAsync("/api/auth/update-user", $$"""{"name":"{{name}}"}""");
        var create = await admin.PostRawAsync("/api/auth/admin/create-user", $$"""{"name":"{{name}}","email":"{{AuthClient.UniqueEmail()}}","password":"{{AuthClient.Password}}"}""");

        foreach (var response in new[] { signUp, update, create })
        {
            var body = await response.ShouldBe(HttpStatusCode.BadRequest);
            Assert.Equal("VALIDATION_ERROR", body.GetProperty("code").GetString());
            Assert.Equal("[body.name] El texto no puede contener saltos de línea ni otros caracteres de control.", body.GetProperty("message").GetString());
        }
        await using var check = await Api.OpenDatabaseAsync();
        Assert.Equal(0, await check.ExecuteScalarAsync<long>("SELECT count(*) FROM users WHERE email = @email OR name ~ '[[:cntrl:]]'", new { email }));
    }

    public static TheoryData<string, string> Credentials => new()
    {
        { "x-api-key", "" },
        { "x-api-key", "   " },
        { "x-api-key", new string('k', 20_000) },
        { "x-api-key", "wl_abc.def.ghi" },
        { "Authorization", "Bearer" },
        { "Authorization", "Bearer    " },
        { "Authorization", "Basic dXNlcjpwYXNz" },
        { "Authorization", "Bearer a.b.c" },
        { "Authorization", "Bearer .." },
        { "Authorization", "Bearer eyJhbGciOiJub25lIiwidHlwIjoiYXQrand0In0.eyJzdWIiOiJ4IiwianRpIjoieSJ9." },
        { "Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl" },
        { "Authorization", "Bearer " + new string('a', 8_000) + "." + new string('b', 8_000) + "." + new string('c', 8_000) },
    };

    [Theory]
    [MemberData(nameof(Credentials))]
    public async Task A_credential_that_is_not_one_is_a_spanish_401_never_a_500(string header, string value)
    {
        foreach (var path in new[] { "/api/user/me", "/api/auth/api-key/list" })
        {
            var client = Api.ClientFrom(TestIps.Unique());
            client.DefaultRequestHeaders.TryAddWithoutValidation(header, value);

            var response = await client.GetAsync(path);

            var body = await response.ShouldBe(HttpStatusCode.Unauthorized);
            Assert.Contains(body.GetProperty("code").GetString(), new[] { "UNAUTHORIZED", "INVALID_API_KEY", "INVALID_TOKEN" });
            Assert.False(string.IsNullOrEmpty((body.TryGetProperty("error", out var error) ? error : body.GetProperty("message")).GetString()));
        }
        Assert.Empty(Api.Logs.Errors);
    }
}
