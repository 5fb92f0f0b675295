using System.Buffers;
using System.Text.Encodings.Web;

namespace Waitlist.Infrastructure.OpenApi;

/// <summary>
/// The document served at <c>/openapi/v1.json</c>: <c>Infrastructure/OpenApi/openapi.json</c>, embedded in the
/// assembly. The generator writes that file from the endpoints' metadata in a test (<c>OpenApiDocumentTests</c>), which
/// fails whenever the two differ, so the committed file is the API's surface as reviewed. The process serves it rather
/// than generate it: generating walks every endpoint's metadata and JSON schema, tens of milliseconds of CPU and several
/// megabytes of memory (the generator's code and caches) that then stay for the life of the process.
/// </summary>
public sealed record PublishedDocument(byte[] Json, string ETag)
{
    private const string ResourceName = "openapi.json";

    public static PublishedDocument Load()
    {
        using var stream = typeof(PublishedDocument).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The assembly has no {ResourceName}: Waitlist.csproj embeds Infrastructure/OpenApi/openapi.json.");
        using var document = JsonDocument.Parse(stream);
        // The committed file is indented for review; served without indentation, it is half the bytes on every response.
        var json = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(json, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            document.WriteTo(writer);
        var bytes = json.WrittenSpan.ToArray();
        return new PublishedDocument(bytes, EntityTags.Of(bytes));
    }
}
