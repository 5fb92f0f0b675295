namespace Waitlist.Tests.Features.Messaging;

public sealed class ListConversationsTests(ApiFixture fixture) : ApiTests<ApiFixture>(fixture)
{
    private static string[] Ids(JsonElement page) =>
        page.GetProperty("conversations").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToArray();

    [Fact]
    public async Task The_conversation_with_the_latest_message_comes_first_with_its_last_message_and_unread_count()
    {
        var (ana, luis, eva) = await Api.CastAsync();
        var withLuis = await ana.ConversationWithAsync(luis);
        var withEva = await ana.ConversationWithAsync(eva);
        await luis.SendAsync(withLuis, "Uno");
        await luis.SendAsync(withLuis, "Dos");
        await ana.SendAsync(withLuis, "Mío");
        await eva.SendAsync(withEva, "Hola");
        var latest = await luis.SendAsync(withLuis, "Tres");

        var page = await (await ana.Client.GetAsync("/api/conversations")).ShouldBe(HttpStatusCode.OK);

        Assert.Equal([withLuis, withEva], Ids(page));
        var first = page.GetProperty("conversations")[0];
        Assert.Equal(latest.Id(), first.GetProperty("lastMessage").Id());
        Assert.Equal("Tres", first.GetProperty("lastMessage").GetProperty("body").GetString());
        Assert.Equal(3, first.GetProperty("unreadCount").GetInt64()); // Ana's own message is not unread
        Assert.Equal(latest.GetProperty("createdAt").GetDateTime(), first.GetProperty("updatedAt").GetDateTime());
        Assert.Equal(1, page.GetProperty("conversations")[1].GetProperty("unreadCount").GetInt64());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("nextCursor").ValueKind);
    }

    [Fact]
    public async Task Pages_follow_the_cursor_without_gaps_or_repeats_even_when_a_conversation_moves_up_meanwhile()
    {
        var ana = await Api.PersonAsync();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
            ids.Insert(0, await ana.ConversationWithAsync(await Api.PersonAsync($"Persona {i}")));

        var first = await (await ana.Client.GetAsync("/api/conversations?limit=2")).ShouldBe(HttpStatusCode.OK);
        await ana.SendAsync(ids[4], "La más antigua sube arriba");
        var second = await (await ana.Client.GetAsync($"/api/conversations?limit=2&cursor={first.GetProperty("nextCursor").GetString()}")).ShouldBe(HttpStatusCode.OK);
        var top = await (await ana.Client.GetAsync("/api/conversations?limit=1&cursor=")).ShouldBe(HttpStatusCode.OK);

        Assert.Equal(ids[..2], Ids(first));
        Assert.Equal(ids[2..4], Ids(second));
        // The oldest moved to the top, before the pages already read: the list ends there.
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
        Assert.Equal([ids[4]], Ids(top));
    }

    [Fact]
    public async Task Someone_elses_conversations_are_not_in_the_list()
    {
        var (ana, luis, eva) = await Api.CastAsync();
        await luis.ConversationWithAsync(eva);

        var page = await (await ana.Client.GetAsync("/api/conversations")).ShouldBe(HttpStatusCode.OK);

        Assert.Empty(Ids(page));
    }
}
