namespace Waitlist.Tests.Infrastructure;

public sealed class ErrorContractTests(ApiFixture fixture) : ApiTests<ApiFixture>(fixture)
{
    private async Task<HttpResponseMessage> PostRawAsync(string body, string contentType) =>
        await Api.ClientFrom(TestIps.Unique()).PostAsync("/api/waitlist", new StringContent(body, Encoding.UTF8, contentType));

    [Theory]
    [InlineData("{\"email\":")]
    [InlineData("{\"email\": 42, \"type\": \"empresa\"}")]
    [InlineData("null")]
    [InlineData("[1,2]")]
    [InlineData("")]
    public async Task Malformed_json_is_a_400_in_spanish(string json)
    {
        var body = await (await PostRawAsync(json, "application/json")).ShouldBe(HttpStatusCode.BadRequest);

        Assert.Contains(body.GetProperty("code").GetString(), new[] { "INVALID_JSON", "INVALID_REQUEST" });
        Assert.Contains("petición", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_415()
    {
        var body = await (await PostRawAsync("email=a@b.com", "application/x-www-form-urlencoded")).ShouldBe(HttpStatusCode.UnsupportedMediaType);

        Assert.Equal("UNSUPPORTED_MEDIA_TYPE", body.GetProperty("code").GetString());
        Assert.Equal("El cuerpo debe enviarse como JSON (Content-Type: application/json).", body.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("application/json; charset=bogus")]
    [InlineData("application/json; charset=utf-16")]
    public async Task A_json_body_in_another_charset_is_a_spanish_415_and_no_error_log(string contentType)
    {
        var content = new StringContent("""{"email":"a@example.com","type":"empresa","name":"Ana","company":"X"}""");
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);

        var body = await (await Api.ClientFrom(TestIps.Unique()).PostAsync("/api/waitlist", content)).ShouldBe(HttpStatusCode.UnsupportedMediaType);

        Assert.Equal("UNSUPPORTED_MEDIA_TYPE", body.GetProperty("code").GetString());
        Assert.Equal("El cuerpo JSON debe estar codificado en UTF-8 (Content-Type: application/json; charset=utf-8).", body.GetProperty("error").GetString());
        Assert.Empty(Api.Logs.Errors);
    }

    [Fact]
    public async Task A_body_over_64_kb_is_a_413()
    {
        var json = $$"""{"email":"a@example.com","type":"empresa","name":"Ana","company":"{{new string('x', 70_000)}}"}""";

        var body = await (await PostRawAsync(json, "application/json")).ShouldBe(HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal("PAYLOAD_TOO_LARGE", body.GetProperty("code").GetString());
        Assert.Equal("El cuerpo de la petición es demasiado grande.", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_a_413_too()
    {
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes($$"""{"name":"{{new string('x', 70_000)}}"}""")));
        content.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/waitlist") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.Add("X-Forwarded-For", TestIps.Unique());

        var body = await (await Api.CreateClient().SendAsync(request)).ShouldBe(HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal("PAYLOAD_TOO_LARGE", body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_unknown_route_is_a_json_404()
    {
        var response = await Api.CreateClient().GetAsync("/api/no-existe");

        var body = await response.ShouldBe(HttpStatusCode.NotFound);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("NOT_FOUND", body.GetProperty("code").GetString());
        Assert.Equal("No se encontró el recurso solicitado.", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_wrong_method_is_a_json_405()
    {
        var body = await (await Api.CreateClient().DeleteAsync("/api/waitlist")).ShouldBe(HttpStatusCode.MethodNotAllowed);

        Assert.Equal("METHOD_NOT_ALLOWED", body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Cors_allows_no_foreign_origin_by_default()
    {
        var response = await Api.PreflightAsync("https://evil.example");

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Cors_allows_the_configured_origins()
    {
        await using var api = await ApiFactory.StartAsync(new Dictionary<string, string?> { ["Cors:AllowedOrigins:0"] = "https://www.example.org" });

        var response = await api.PreflightAsync("https://www.example.org");

        Assert.Equal("https://www.example.org", response.Header("Access-Control-Allow-Origin"));
        Assert.Equal("true", response.Header("Access-Control-Allow-Credentials"));
    }
}
