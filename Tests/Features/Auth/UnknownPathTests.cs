namespace Waitlist.Tests.Features.Auth;

public sealed class UnknownPathTests(ApiFixture fixture) : ApiTests<ApiFixture>(fixture)
{
    [Fact]
    public async Task Unknown_auth_paths_are_a_better_auth_404_and_count_against_the_auth_limit()
    {
        var client = new AuthClient(Api, ip: TestIps.Unique());

        var first = await (await client.GetAsync("/api/auth/does-not-exist")).ShouldBe(HttpStatusCode.NotFound);
        Assert.Equal("NOT_FOUND", first.GetProperty("code").GetString());
        Assert.Equal("No se encontró el recurso solicitado.", first.GetProperty("message").GetString());
        for (var i = 2; i <= 9; i++)
            await client.GetAsync($"/api/auth/probe-{i}");
        await (await client.GetAsync("/api/auth/ok")).ShouldBe(HttpStatusCode.OK);

        await (await client.GetAsync("/api/auth/ok")).ShouldBe(HttpStatusCode.TooManyRequests);
        await (await client.GetAsync("/api/auth/one-more")).ShouldBe(HttpStatusCode.TooManyRequests);
    }
}
