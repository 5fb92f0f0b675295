using System.Net;
using Waitlist.Tests.Support;

namespace Waitlist.Tests.Features.Auth;

/// <summary>No input makes /api/auth answer 500: NUL bytes, lone surrogates, wrong types, huge values.</summary>
public sealed class NastyInputTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private readonly ApiFactory _api = fixture.Api;

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
        "/api/auth/admin/ban-user", "/api/auth/admin/list-user-sessions",
    ];

    private static readonly string[] Fields =
    [
        "email", "password", "name", "username", "image", "callbackURL", "redirectTo", "token", "newPassword",
        "currentPassword", "userId", "role", "banReason", "banExpiresIn", "rememberMe", "displayUsername",
    ];

    [Fact]
    public async Task No_field_value_produces_a_500()
    {
        var admin = new AuthClient(_api);
        var signedUp = await admin.SignUpAsync();
        await using (var db = await _api.OpenDatabaseAsync())
            await Dapper.SqlMapper.ExecuteAsync(db, "UPDATE users SET role = 'admin' WHERE id = @id", new { id = signedUp.GetProperty("user").GetProperty("id").GetString() });
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
}
