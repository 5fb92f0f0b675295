using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Waitlist.Infrastructure.OpenApi;

/// <summary>The document's JSON and the entity tag that names it.</summary>
public sealed record SerializedDocument(byte[] Json, string ETag);

/// <summary>
/// The OpenAPI document, generated and serialised once per process, at its first request. The endpoints cannot
/// change while the process runs, and generating it walks every endpoint's metadata: tens of milliseconds of CPU
/// that a public, anonymous URL must not spend on each request.
/// </summary>
public sealed class OpenApiDocumentCache
{
    private readonly Lazy<Task<SerializedDocument>> _document;

    public OpenApiDocumentCache(IServiceProvider services, IOptionsMonitor<OpenApiOptions> options)
    {
        // Lazy's default mode runs the factory once even when the first requests arrive together. Generation
        // depends on nothing but the code, so a failure would fail every time: caching it hides nothing.
        _document = new Lazy<Task<SerializedDocument>>(() => SerializeAsync(
            services.GetRequiredKeyedService<IOpenApiDocumentProvider>(OpenApiSetup.DocumentName),
            options.Get(OpenApiSetup.DocumentName).OpenApiVersion));
    }

    public Task<SerializedDocument> GetAsync() => _document.Value;

    private static async Task<SerializedDocument> SerializeAsync(IOpenApiDocumentProvider provider, OpenApiSpecVersion version)
    {
        // Not the first caller's RequestAborted: every later request shares this generation.
        var document = await provider.GetOpenApiDocumentAsync(CancellationToken.None);
        await using var text = new StringWriter(CultureInfo.InvariantCulture);
        // Without indentation: half the bytes on every response.
        await document.SerializeAsync(new OpenApiJsonWriter(text, new OpenApiJsonWriterSettings { Terse = true }), version, CancellationToken.None);
        var json = Encoding.UTF8.GetBytes(text.ToString());
        return new SerializedDocument(json, EntityTags.Of(json));
    }
}
