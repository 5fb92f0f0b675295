namespace Waitlist.Tests.Features.Waitlist.Admin;

public sealed class AdminAccessTests(ApiFixture fixture) : ApiTests<ApiFixture>(fixture)
{
    public static TheoryData<string, string> Routes => new()
    {
        { "GET", "/api/admin/waitlist" },
        { "GET", "/api/admin/waitlist/export.csv" },
        { "POST", $"/api/admin/waitlist/{Guid.NewGuid()}/invite" },
        { "POST", "/api/admin/waitlist/no-es-un-id/invite" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Anonymous_callers_get_a_401_and_users_a_403_in_spanish(string method, string path)
    {
        var anonymous = await new AuthClient(Api).SendAsync(new HttpMethod(method), path, null);
        var user = await (await AuthClient.SignedInAsAsync(Api, "user")).SendAsync(new HttpMethod(method), path, null);

        var unauthorized = await anonymous.ShouldBe(HttpStatusCode.Unauthorized);
        Assert.Equal(("UNAUTHORIZED", "Necesitas iniciar sesión."), (unauthorized.GetProperty("code").GetString(), unauthorized.GetProperty("error").GetString()));
        var forbidden = await user.ShouldBe(HttpStatusCode.Forbidden);
        Assert.Equal(("FORBIDDEN", "No tienes permiso para hacer esto."), (forbidden.GetProperty("code").GetString(), forbidden.GetProperty("error").GetString()));
    }

    [Theory]
    [InlineData("staff")]
    [InlineData("admin")]
    public async Task Staff_and_admins_may_read_the_list(string role)
    {
        var client = await AuthClient.SignedInAsAsync(Api, role);

        await (await client.GetAsync("/api/admin/waitlist")).ShouldBe(HttpStatusCode.OK);
    }
}
