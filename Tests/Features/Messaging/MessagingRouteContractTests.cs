using static Waitlist.Tests.Features.Messaging.MessagingPaths;

namespace Waitlist.Tests.Features.Messaging;

/// <summary>What messaging's routes answer alike to a malformed route id and to a wrong page query.</summary>
public sealed class MessagingRouteContractTests(ApiFixture fixture) : ApiTests<ApiFixture>(fixture)
{
    [Theory]
    [InlineData("GET", MessagesRoute, "123")]
    [InlineData("GET", MessagesRoute, "not-a-uuid")]
    [InlineData("POST", MessagesRoute, "123")]
    [InlineData("POST", ReadRoute, "123")]
    [InlineData("POST", BlockRoute, "no%20v%C3%A1lido")]
    [InlineData("DELETE", BlockRoute, "no%20v%C3%A1lido")]
    public async Task A_malformed_route_id_is_a_400_INVALID_ID(string method, string route, string id)
    {
        var ana = await Api.PersonAsync();

        var response = await ana.Client.SendAsync(new HttpMethod(method), string.Format(route, id), method == "GET" || method == "DELETE" ? null
            : new StringContent("""{"body":"hola","lastMessageId":1}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal("INVALID_ID", (await response.ShouldBe(HttpStatusCode.BadRequest)).GetProperty("code").GetString());
    }

    /// <param name="list">The list's route; a conversation of the caller's stands for <c>{0}</c>.</param>
    [Theory]
    [InlineData(Conversations, "limit=0", "limit:INVALID_LIMIT")]
    [InlineData(Conversations, "limit=101", "limit:INVALID_LIMIT")]
    [InlineData(Conversations, "cursor=abc", "cursor:INVALID_CURSOR")]
    [InlineData(Conversations, "cursor=-5", "cursor:INVALID_CURSOR")]
    [InlineData(MessagesRoute, "before=0", "before:INVALID_CURSOR")]
    [InlineData(MessagesRoute, "after=x", "after:INVALID_CURSOR")]
    [InlineData(MessagesRoute, "limit=500", "limit:INVALID_LIMIT")]
    public async Task A_wrong_limit_or_cursor_of_a_list_is_a_400_that_names_it(string list, string query, string error)
    {
        var (ana, _, conversation) = await Api.PairAsync();

        var body = await (await ana.Client.GetAsync($"{string.Format(list, conversation)}?{query}")).ShouldBe(HttpStatusCode.BadRequest);

        Assert.Equal([error], body.FieldErrors());
    }
}
