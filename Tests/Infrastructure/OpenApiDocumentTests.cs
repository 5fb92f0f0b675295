using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Waitlist.Infrastructure.OpenApi;

namespace Waitlist.Tests.Infrastructure;

/// <summary>
/// The committed Infrastructure/OpenApi/openapi.json is the API's published surface, and the document the API serves.
/// When the endpoints change, the first test fails and writes the document they generate beside it as
/// openapi.received.json; review it and copy it over the committed one (or run scripts/test with UPDATE_SNAPSHOTS=1).
/// </summary>
public sealed class OpenApiDocumentTests(ApiFixture fixture) : ApiTests<ApiFixture>(fixture)
{
    private static string DocumentDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.Combine(Path.GetDirectoryName(path)!, "..", "..", "Infrastructure", "OpenApi");

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task The_committed_document_is_the_one_the_endpoints_generate()
    {
        var generator = Api.Services.GetRequiredKeyedService<IOpenApiDocumentProvider>(OpenApiSetup.DocumentName);
        var version = Api.Services.GetRequiredService<IOptionsMonitor<OpenApiOptions>>().Get(OpenApiSetup.DocumentName).OpenApiVersion;
        await using var text = new StringWriter(CultureInfo.InvariantCulture);
        await (await generator.GetOpenApiDocumentAsync()).SerializeAsync(new OpenApiJsonWriter(text), version);
        var generated = JsonSerializer.Serialize(JsonDocument.Parse(text.ToString()), Indented) + "\n";
        var committed = Path.Combine(DocumentDirectory(), "openapi.json");
        var received = Path.Combine(DocumentDirectory(), "openapi.received.json");

        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
            await File.WriteAllTextAsync(committed, generated);

        var expected = File.Exists(committed) ? await File.ReadAllTextAsync(committed) : "";
        if (expected != generated)
        {
            await File.WriteAllTextAsync(received, generated);
            Assert.Fail($"The endpoints describe another API than the committed document. Review {received} and copy it over {committed} if the change is intended.");
        }
        File.Delete(received);
    }

    [Fact]
    public async Task The_served_document_is_the_committed_one_without_indentation()
    {
        var served = await Api.CreateClient().GetStringAsync("/openapi/v1.json");

        var committed = await File.ReadAllTextAsync(Path.Combine(DocumentDirectory(), "openapi.json"));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(committed), JsonNode.Parse(served)), "The served document differs from Infrastructure/OpenApi/openapi.json.");
        Assert.DoesNotContain('\n', served);
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
    public async Task Swagger_ui_is_served()
    {
        var html = await Api.CreateClient().GetStringAsync("/swagger/index.html");

        Assert.Contains("swagger-ui", html);
    }
}
