namespace Waitlist.Tests.Infrastructure;

/// <summary>
/// Text PostgreSQL cannot store or compare (NUL, lone surrogates) is the caller's 400, never a 500, in every feature —
/// also where no validator looks for it (a search term), as the database's refusal is mapped to INVALID_TEXT.
/// </summary>
public sealed class InvalidTextTests(ApiFixture fixture) : ApiTests<ApiFixture>(fixture)
{
    [Fact]
    public async Task A_lone_surrogate_is_invalid_json()
    {
        var json = $$"""{"email":"{{Guid.NewGuid():N}}@example.com","password":"Corr3ct-horse-battery","name":"Ana \ud800 Pérez"}""";

        var response = await Api.ClientFrom(TestIps.Unique()).PostAsync("/api/auth/sign-up/email", new StringContent(json, Encoding.UTF8, "application/json"));

        var body = await response.ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal("INVALID_JSON", body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_nul_that_reaches_the_database_is_a_400_invalid_text()
    {
        var admin = await AuthClient.SignedInAsAsync(Api, "admin");

        var body = await (await admin.GetAsync("/api/auth/admin/list-users?searchValue=a%00b")).ShouldBe(HttpStatusCode.BadRequest);

        Assert.Equal("INVALID_TEXT", body.GetProperty("code").GetString());
    }
}
