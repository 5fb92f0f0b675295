namespace Waitlist.Tests.Infrastructure.Validation;

/// <summary>
/// A route id that does not have its feature's shape is a Spanish 400 INVALID_ID before the handler runs (never a
/// lookup, a 404 or a 500), on every route that takes one, called by the least role the route lets in.
/// </summary>
public sealed class RouteIdTests(ApiFixture fixture) : ApiTests<ApiFixture>(fixture)
{
    [Theory]
    [InlineData("staff", "GET", "/api/admin/users/abc%24def")]
    [InlineData("staff", "PATCH", "/api/admin/users/abc%20def")]
    [InlineData("staff", "GET", "/api/admin/sessions/%C3%B1and%C3%BA")]
    [InlineData("staff", "DELETE", "/api/admin/sessions/0123456789012345678901234567890123456789012345678901234567890123456789")]
    [InlineData("staff", "GET", "/api/admin/api-keys/abc%27def")]
    [InlineData("staff", "DELETE", "/api/admin/api-keys/%F0%9F%94%91")]
    [InlineData("user", "GET", "/api/profiles/abc%27%3B--")]
    [InlineData("user", "GET", "/api/profiles/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("user", "GET", "/api/conversations/123/messages")]
    [InlineData("user", "GET", "/api/conversations/not-a-uuid/messages")]
    [InlineData("user", "POST", "/api/conversations/123/messages")]
    [InlineData("user", "POST", "/api/conversations/123/read")]
    [InlineData("user", "POST", "/api/users/no%20v%C3%A1lido/block")]
    [InlineData("user", "DELETE", "/api/users/no%20v%C3%A1lido/block")]
    [InlineData("admin", "POST", "/api/admin/waitlist/no-es-un-id/invite")]
    [InlineData("admin", "POST", "/api/admin/waitlist/12345/invite")]
    [InlineData("admin", "POST", "/api/admin/waitlist/{6f9619ff-8b86-d011-b42d-00cf4fc964ff}/invite")]
    [InlineData("admin", "POST", "/api/admin/waitlist/6f9619ff8b86d011b42d00cf4fc964ff/invite")]
    [InlineData("admin", "POST", "/api/admin/waitlist/6f9619ff-8b86-d011-b42d-00cf4fc964f%C3%B1/invite")]
    public async Task A_malformed_id_is_a_spanish_400_INVALID_ID(string caller, string method, string path)
    {
        var client = await AuthClient.SignedInAsAsync(Api, caller);
        // A body every route's request binds, so that only the id is wrong.
        var content = method is "PATCH" or "POST" ? JsonContent.Create(new { name = "X", body = "hola", lastMessageId = 1 }) : null;

        var body = await (await client.SendAsync(new HttpMethod(method), path, content)).ShouldBe(HttpStatusCode.BadRequest);

        Assert.Equal("""{"error":"El identificador de la ruta no tiene un formato válido.","code":"INVALID_ID"}""", body.GetRawText());
    }
}
