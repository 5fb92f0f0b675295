using Waitlist.Tests.Features.Auth.AdminViews;

namespace Waitlist.Tests.Features.Auth;

/// <summary>
/// Every route that acts for a signed-in person answers a caller without a session the same Spanish 401, in the error
/// shape of its area: Better Auth's under /api/auth, the API's own elsewhere.
/// </summary>
public sealed class SignedOutCallerTests(ApiFixture fixture) : ApiTests<ApiFixture>(fixture)
{
    private const string BetterAuthShape = """{"code":"UNAUTHORIZED","message":"Necesitas iniciar sesión."}""";
    private const string ApiShape = """{"error":"Necesitas iniciar sesión.","code":"UNAUTHORIZED"}""";
    private const string SomeUser = "AbCdEfGhIjKlMnOpQrStUvWxYz012345";
    private const string SomeConversation = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";

    public static TheoryData<string, string, string> Routes()
    {
        var routes = new TheoryData<string, string, string>
        {
            { "GET", "/api/auth/list-sessions", BetterAuthShape },
            { "POST", "/api/auth/update-user", BetterAuthShape },
            { "POST", "/api/auth/change-password", BetterAuthShape },
            { "POST", "/api/auth/revoke-session", BetterAuthShape },
            { "POST", "/api/auth/revoke-sessions", BetterAuthShape },
            { "POST", "/api/auth/revoke-other-sessions", BetterAuthShape },
            { "GET", "/api/auth/admin/list-users", BetterAuthShape },
            { "GET", "/api/user/me", ApiShape },
            { "PATCH", "/api/user/me", ApiShape },
            { "DELETE", "/api/user/me", ApiShape },
            { "GET", "/api/user/me/sessions", ApiShape },
            { "GET", "/api/user/me/export", ApiShape },
            { "PUT", "/api/user/me/avatar", ApiShape },
            { "GET", $"/api/profiles/{SomeUser}", ApiShape },
            { "GET", "/api/conversations", ApiShape },
            { "POST", "/api/conversations", ApiShape },
            { "GET", $"/api/conversations/{SomeConversation}/messages", ApiShape },
            { "POST", $"/api/conversations/{SomeConversation}/messages", ApiShape },
            { "POST", $"/api/conversations/{SomeConversation}/read", ApiShape },
            { "GET", "/api/messages/unread-count", ApiShape },
            { "POST", $"/api/users/{SomeUser}/block", ApiShape },
            { "DELETE", $"/api/users/{SomeUser}/block", ApiShape },
        };
        foreach (var route in AdminViewsAccessTests.Routes)
            routes.Add((string)route[0], (string)route[1], ApiShape);
        return routes;
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Without_a_session_it_is_a_spanish_401(string method, string path, string body)
    {
        var content = method == "GET" ? null : JsonContent.Create(new { name = "x", password = "x" });

        var refused = await (await new AuthClient(Api).SendAsync(new HttpMethod(method), path, content)).ShouldBe(HttpStatusCode.Unauthorized);

        Assert.Equal(body, refused.GetRawText());
    }
}
