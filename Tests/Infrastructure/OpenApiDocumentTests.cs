
namespace Waitlist.Tests.Infrastructure;

/// <summary>
/// The committed Tests/Snapshots/openapi.json is the API's published surface. When the API changes, this test
/// fails and writes the new document beside it as openapi.received.json; review it and copy it over the snapshot
/// (or run scripts/test with UPDATE_SNAPSHOTS=1).
/// </summary>
public sealed class OpenApiDocumentTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static string SnapshotDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.Combine(Path.GetDirectoryName(path)!, "..", "Snapshots");

    [Fact]
    public async Task The_document_matches_the_committed_snapshot()
    {
        var json = await fixture.Api.CreateClient().GetStringAsync("/openapi/v1.json");
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

    [Fact]
    public async Task Swagger_ui_is_served()
    {
        var html = await fixture.Api.CreateClient().GetStringAsync("/swagger/index.html");

        Assert.Contains("swagger-ui", html);
    }
}
