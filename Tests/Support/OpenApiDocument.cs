namespace Waitlist.Tests.Support;

/// <summary>Reading the served OpenAPI document as a client generator would, references followed.</summary>
public static class OpenApiDocument
{
    public static async Task<JsonElement> OpenApiDocumentAsync(this HttpClient client) =>
        JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;

    /// <summary>The operation's response for <paramref name="status"/>; a shared one (<c>$ref</c> to components/responses) resolved.</summary>
    public static JsonElement Response(this JsonElement document, string path, string method, string status)
    {
        var response = document.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses").GetProperty(status);
        return response.TryGetProperty("$ref", out var reference)
            ? document.GetProperty("components").GetProperty("responses").GetProperty(reference.GetString()!["#/components/responses/".Length..])
            : response;
    }
}
