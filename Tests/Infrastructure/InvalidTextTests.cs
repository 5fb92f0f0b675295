using System.Net;
using System.Text;
using Waitlist.Tests.Support;

namespace Waitlist.Tests.Infrastructure;

/// <summary>Text PostgreSQL cannot store (NUL, lone surrogates) is the caller's 400, never a 500, in every feature.</summary>
public sealed class InvalidTextTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private readonly ApiFactory _api = fixture.Api;

    [Theory]
    [InlineData("Ana\\u0000Pérez", "INVALID_TEXT")]
    [InlineData("Ana \\ud800 Pérez", "INVALID_JSON")] // System.Text.Json refuses a lone surrogate itself
    public async Task Unstorable_text_is_a_400(string name, string code)
    {
        var json = $$"""{"email":"{{Guid.NewGuid():N}}@example.com","type":"empresa","name":"{{name}}","company":"ACME"}""";

        var response = await _api.ClientFrom(TestIps.Unique()).PostAsync("/api/waitlist", new StringContent(json, Encoding.UTF8, "application/json"));

        var body = await response.ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal(code, body.GetProperty("code").GetString());
    }
}
