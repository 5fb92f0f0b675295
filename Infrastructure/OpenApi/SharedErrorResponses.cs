using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;

namespace Waitlist.Infrastructure.OpenApi;

/// <summary>
/// Most operations document the same error responses (a 500 is a 500 everywhere): each one that several operations
/// share is written once, under <c>components/responses</c>, and referenced by the operations. Written out in full,
/// they were almost half of the document that every client downloads.
/// </summary>
internal static class SharedErrorResponses
{
    public static Task ApplyAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var uses = document.Paths.Values
            .SelectMany(path => path.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
            .Select(operation => operation.Responses).OfType<OpenApiResponses>()
            .SelectMany(responses => responses.Select(response => (Responses: responses, Status: response.Key, Name: SharedName(response.Key, response.Value))))
            .Where(use => use.Name is not null)
            .GroupBy(use => use.Name!)
            .Where(shared => shared.Count() > 1)
            .OrderBy(shared => shared.Key, StringComparer.Ordinal);
        foreach (var shared in uses)
        {
            var first = shared.First();
            document.AddComponent(shared.Key, first.Responses[first.Status]);
            foreach (var (responses, status, _) in shared)
                responses[status] = new OpenApiResponseReference(shared.Key, document);
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// "ApiError404" for a plain error response: its status' standard description and a JSON body that is a named
    /// schema, nothing else. A response with headers or words of its own stays on its operation.
    /// </summary>
    private static string? SharedName(string status, IOpenApiResponse response) =>
        response is OpenApiResponse { Headers: null or { Count: 0 }, Links: null or { Count: 0 }, Content: { Count: 1 } content }
        && int.TryParse(status, CultureInfo.InvariantCulture, out var code) && code >= StatusCodes.Status400BadRequest
        && response.Description == ReasonPhrases.GetReasonPhrase(code)
        && content.TryGetValue("application/json", out var media)
        && media is { Example: null, Examples: null or { Count: 0 }, Schema: OpenApiSchemaReference { Reference.Id: { } schema } }
            ? schema + status
            : null;
}
