namespace Waitlist.Tests.Features.Auth.AdminViews;

public sealed class AdminViewsAccessTests(ApiFixture fixture) : ApiTests<ApiFixture>(fixture)
{
    public static TheoryData<string, string> Routes => new()
    {
        { "GET", "/api/admin/users" },
        { "GET", "/api/admin/users/AbCdEfGhIjKlMnOpQrStUvWxYz012345" },
        { "PATCH", "/api/admin/users/AbCdEfGhIjKlMnOpQrStUvWxYz012345" },
        { "GET", "/api/admin/sessions" },
        { "GET", "/api/admin/sessions/AbCdEfGhIjKlMnOpQrStUvWxYz012345" },
        { "DELETE", "/api/admin/sessions/AbCdEfGhIjKlMnOpQrStUvWxYz012345" },
        { "GET", "/api/admin/api-keys" },
        { "GET", "/api/admin/api-keys/AbCdEfGhIjKlMnOpQrStUvWxYz012345" },
        { "DELETE", "/api/admin/api-keys/AbCdEfGhIjKlMnOpQrStUvWxYz012345" },
        { "GET", "/api/admin/stats" },
    };

    private static HttpContent? Body(string method) => method == "PATCH" ? System.Net.Http.Json.JsonContent.Create(new { name = "X" }) : null;

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Users_get_a_spanish_403(string method, string path)
    {
        var user = await AuthClient.SignedInAsAsync(Api, "user");

        var body = await (await user.SendAsync(new HttpMethod(method), path, Body(method))).ShouldBe(HttpStatusCode.Forbidden);

        Assert.Equal(("FORBIDDEN", "No tienes permiso para hacer esto."), (body.GetProperty("code").GetString(), body.GetProperty("error").GetString()));
    }

    [Theory]
    [InlineData("/api/admin/users/AbCdEfGhIjKlMnOpQrStUvWxYz012345", "USER_NOT_FOUND")]
    [InlineData("/api/admin/sessions/AbCdEfGhIjKlMnOpQrStUvWxYz012345", "SESSION_NOT_FOUND")]
    [InlineData("/api/admin/api-keys/AbCdEfGhIjKlMnOpQrStUvWxYz012345", "API_KEY_NOT_FOUND")]
    public async Task A_well_formed_id_of_nothing_is_a_404(string path, string code)
    {
        var staff = await AuthClient.SignedInAsAsync(Api, "staff");

        var body = await (await staff.GetAsync(path)).ShouldBe(HttpStatusCode.NotFound);

        Assert.Equal(code, body.GetProperty("code").GetString());
    }
}
