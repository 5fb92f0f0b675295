namespace Waitlist.Tests.Infrastructure;

/// <summary>
/// The committed Tests/Snapshots/openapi.json is the API's published surface. When the API changes, this test
/// fails and writes the new document beside it as openapi.received.json; review it and copy it over the snapshot
/// (or run scripts/test with UPDATE_SNAPSHOTS=1).
/// </summary>
public sealed class OpenApiDocumentTests(ApiFixture fixture) : ApiTests<ApiFixture>(fixture)
{
    private static string SnapshotDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.Combine(Path.GetDirectoryName(path)!, "..", "Snapshots");

    [Fact]
    public async Task The_document_matches_the_committed_snapshot()
    {
        var json = await Api.CreateClient().GetStringAsync("/openapi/v1.json");
        var actual = JsonSerializer.Serialize(JsonDocument.Parse(json), new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
        var snapshot = Path.Combine(SnapshotDirectory(), "openapi.json");
        var received = Path.Combine(SnapshotDirectory(), "openapi.received.json");

        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
            await File.WriteAllTextAsync(snapshot, actual);

        var expected = File.Exists(snapshot) ? await File.ReadAllTextAsync(snapshot) : "";
        if (expected != actual)
        {
            await File.WriteAllTextAsync(received, actual);
            Assert.Fail($"The OpenAPI document changed. Review {received} and copy it over {snapshot} if the change is intended.");
        }
        File.Delete(received);
    }

    [Theory]
    [InlineData("/api/user/me", "get", "sessionCookie apiKey bearer")]
    [InlineData("/api/admin/users", "get", "sessionCookie apiKey bearer")]
    [InlineData("/api/auth/api-key/create", "post", "sessionCookie")]
    [InlineData("/api/token/logout", "post", "bearer")]
    [InlineData("/api/cron", "post", "cronSecret")]
    [InlineData("/api/waitlist", "post", "")]
    public async Task Each_operation_names_the_credentials_it_accepts(string path, string method, string schemes)
    {
        var document = await Api.CreateClient().OpenApiDocumentAsync();
        var operation = document.GetProperty("paths").GetProperty(path).GetProperty(method);

        var accepted = operation.TryGetProperty("security", out var security)
            ? security.EnumerateArray().SelectMany(requirement => requirement.EnumerateObject().Select(scheme => scheme.Name))
            : [];
        Assert.Equal(schemes, string.Join(' ', accepted));
        foreach (var scheme in accepted)
            Assert.True(document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty(scheme, out _), scheme);
    }

    [Theory]
    [InlineData("/api/waitlist", "post", "500", "ApiError500", "ApiError", "Internal Server Error")]
    [InlineData("/api/admin/users/{id}", "get", "404", "ApiError404", "ApiError", "Not Found")]
    [InlineData("/api/auth/sign-in/email", "post", "401", "BetterAuthError401", "BetterAuthError", "Unauthorized")]
    public async Task An_error_response_many_operations_share_is_a_reference_to_one_component(
        string path, string method, string status, string component, string schema, string description)
    {
        var document = await Api.CreateClient().OpenApiDocumentAsync();

        var response = document.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses").GetProperty(status);

        Assert.Equal($$"""{"$ref":"#/components/responses/{{component}}"}""", response.GetRawText());
        var shared = document.Response(path, method, status);
        Assert.Equal(description, shared.GetProperty("description").GetString());
        Assert.Equal($"#/components/schemas/{schema}", shared.GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
    }

    [Fact]
    public async Task No_operation_writes_out_an_error_response_that_a_component_holds()
    {
        var document = await Api.CreateClient().OpenApiDocumentAsync();

        var components = document.GetProperty("components").GetProperty("responses").EnumerateObject().Select(shared => shared.Value.GetRawText()).ToHashSet();
        var inline = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(operation => operation.Value.TryGetProperty("responses", out _))
                .SelectMany(operation => operation.Value.GetProperty("responses").EnumerateObject()
                    .Where(response => components.Contains(response.Value.GetRawText()))
                    .Select(response => $"{operation.Name} {path.Name} {response.Name}")));
        Assert.Empty(inline);
        Assert.NotEmpty(components);
    }

    [Fact]
    public async Task The_document_carries_a_strong_etag_and_may_be_cached_publicly()
    {
        var client = Api.CreateClient();

        var first = await client.GetAsync("/openapi/v1.json");
        var second = await client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("application/json", first.Content.Headers.ContentType?.MediaType);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        Assert.Equal(etag, second.Headers.ETag);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
        Assert.Equal("public, max-age=300", first.Header("Cache-Control"));
    }

    [Theory]
    [InlineData("{0}")]
    [InlineData("W/{0}")]
    [InlineData("\"otro\", {0}")]
    [InlineData("*")]
    public async Task A_matching_if_none_match_is_a_304_without_body(string header)
    {
        var client = Api.CreateClient();
        var etag = (await client.GetAsync("/openapi/v1.json")).Headers.ETag!.Tag;

        var request = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        request.Headers.TryAddWithoutValidation("If-None-Match", string.Format(header, etag));
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, response.Headers.ETag?.Tag);
        Assert.Equal("public, max-age=300", response.Header("Cache-Control"));
    }

    [Fact]
    public async Task A_stale_if_none_match_gets_the_document()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        request.Headers.TryAddWithoutValidation("If-None-Match", "\"0000\"");

        var response = await Api.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Waitlist API", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("info").GetProperty("title").GetString());
    }

    [Fact]
    public async Task Simultaneous_first_requests_all_get_the_same_document()
    {
        await using var api = await ApiFactory.StartAsync();
        var client = api.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => client.GetAsync("/openapi/v1.json")));

        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsByteArrayAsync()));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.All(bodies, body => Assert.Equal(bodies[0], body));
        Assert.Single(responses.Select(r => r.Headers.ETag!.Tag).Distinct());
    }

    [Fact]
    public async Task Swagger_ui_is_served()
    {
        var html = await Api.CreateClient().GetStringAsync("/swagger/index.html");

        Assert.Contains("swagger-ui", html);
    }
}
