
namespace Waitlist.Tests.Infrastructure;

public sealed class HealthTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Answers_ok_when_the_database_answers()
    {
        var body = await (await fixture.Api.CreateClient().GetAsync("/health")).ShouldBe(HttpStatusCode.OK);

        Assert.Equal("""{"status":"ok"}""", body.GetRawText());
    }

    [Fact]
    public async Task Answers_head_requests_for_uptime_checkers()
    {
        var response = await fixture.Api.CreateClient().SendAsync(new HttpRequestMessage(HttpMethod.Head, "/health"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Answers_503_when_the_database_does_not()
    {
        await using var api = new ApiFactory("Host=127.0.0.1;Port=1;Username=postgres;Database=none;Timeout=2",
            new Dictionary<string, string?> { ["Database:StartupTimeoutSeconds"] = "0" });

        var body = await (await api.CreateClient().GetAsync("/health")).ShouldBe(HttpStatusCode.ServiceUnavailable);

        Assert.Equal("""{"status":"unavailable"}""", body.GetRawText());
    }
}
