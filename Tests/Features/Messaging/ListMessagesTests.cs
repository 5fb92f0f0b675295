namespace Waitlist.Tests.Features.Messaging;

public sealed class ListMessagesTests(ApiFixture fixture) : ApiTests<ApiFixture>(fixture)
{
    private static long[] Ids(JsonElement page) => page.GetProperty("messages").EnumerateArray().Select(m => m.Id()).ToArray();

    [Fact]
    public async Task Messages_come_newest_first_a_page_at_a_time_and_after_an_id_only_the_newer_ones()
    {
        var (ana, luis, conversation) = await Api.PairAsync();
        var sent = new List<long>();
        for (var i = 0; i < 5; i++)
            sent.Add((await (i % 2 == 0 ? ana : luis).SendAsync(conversation, $"Mensaje {i}")).Id());
        sent.Reverse();

        var first = await (await luis.Client.GetAsync($"/api/conversations/{conversation}/messages?limit=2")).ShouldBe(HttpStatusCode.OK);
        var second = await (await luis.Client.GetAsync($"/api/conversations/{conversation}/messages?limit=2&before={first.GetProperty("nextCursor").GetString()}")).ShouldBe(HttpStatusCode.OK);
        var third = await (await luis.Client.GetAsync($"/api/conversations/{conversation}/messages?limit=2&before={second.GetProperty("nextCursor").GetString()}")).ShouldBe(HttpStatusCode.OK);
        var newer = await (await luis.Client.GetAsync($"/api/conversations/{conversation}/messages?after={sent[3]}")).ShouldBe(HttpStatusCode.OK);

        Assert.Equal(sent[..2], Ids(first));
        Assert.Equal(sent[2..4], Ids(second));
        Assert.Equal(sent[4..], Ids(third));
        Assert.Equal(JsonValueKind.Null, third.GetProperty("nextCursor").ValueKind);
        Assert.Equal(sent[..3], Ids(newer));
        var message = first.GetProperty("messages")[0];
        Assert.Equal(conversation, message.GetProperty("conversationId").GetString());
        Assert.Equal(ana.Id, message.GetProperty("senderId").GetString());
        Assert.Equal("Mensaje 4", message.GetProperty("body").GetString());
        Assert.Equal(JsonValueKind.Null, message.GetProperty("editedAt").ValueKind);
    }

    [Fact]
    public async Task A_conversation_of_others_is_a_404_like_one_that_does_not_exist()
    {
        var (ana, luis, eva) = await Api.CastAsync();
        var theirs = await luis.ConversationWithAsync(eva);
        await luis.SendAsync(theirs, "Privado");

        var others = await (await ana.Client.GetAsync(MessagingPaths.Messages(theirs))).ShouldBe(HttpStatusCode.NotFound);
        var none = await (await ana.Client.GetAsync(MessagingPaths.Messages(Guid.NewGuid().ToString()))).ShouldBe(HttpStatusCode.NotFound);

        Assert.Equal(none.GetRawText(), others.GetRawText());
        Assert.Equal("CONVERSATION_NOT_FOUND", others.GetProperty("code").GetString());
    }
}
