using System.Net;
using System.Text;
using Waitlist.Tests.Support;

namespace Waitlist.Tests.Infrastructure;

/// <summary>
/// Text PostgreSQL cannot store (NUL, lone surrogates) is the caller's 400, never a 500, in every feature — also
/// where no validator looks for it (a sign-up's name), as the database's refusal is mapped to INVALID_TEXT.
/// </summary>
public sealed class InvalidTextTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private readonly ApiFactory _api = fixture.Api;

    [Theory]
    [InlineData("Ana\\u0000Pérez", "INVALID_TEXT")]
    [InlineData("Ana \\ud800 Pérez", "INVALID_JSON")] // System.Text.Json refuses a lone surrogate itself
    public async Task Unstorable_text_is_a_400(string name, string code)
    {
        var json = $$"""{"email":"{{Guid.NewGuid():N}}@example.com","password":"Corr3ct-horse-battery","name":"{{name}}"}""";

        var response = await _api.ClientFrom(TestIps.Unique()).PostAsync("/api/auth/sign-up/email", new StringContent(json, Encoding.UTF8, "application/json"));

        var body = await response.ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal(code, body.GetProperty("code").GetString());
    }
}
