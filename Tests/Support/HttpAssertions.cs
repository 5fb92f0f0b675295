namespace Waitlist.Tests.Support;

public static class HttpAssertions
{
    /// <summary>Asserts the status and returns the JSON body, for assertions on its fields.</summary>
    public static async Task<JsonElement> ShouldBe(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object body) =>
        client.PostAsJsonAsync(path, body);

    public static string Header(this HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : response.Content.Headers.TryGetValues(name, out var contentValues) ? string.Join(",", contentValues)
        : throw new Xunit.Sdk.XunitException($"Response has no {name} header.");

    /// <summary>The codes of the field errors in a VALIDATION_FAILED body, as "field:CODE".</summary>
    public static string[] FieldErrors(this JsonElement body) =>
        body.GetProperty("details").EnumerateArray()
            .Select(d => $"{d.GetProperty("field").GetString()}:{d.GetProperty("code").GetString()}")
            .Order().ToArray();

    /// <summary>The <c>pagination</c> block of a paged list.</summary>
    public static (long Total, int Limit, int Offset, bool HasMore) Pagination(this JsonElement body)
    {
        var page = body.GetProperty("pagination");
        return (page.GetProperty("total").GetInt64(), page.GetProperty("limit").GetInt32(), page.GetProperty("offset").GetInt32(), page.GetProperty("hasMore").GetBoolean());
    }
}
