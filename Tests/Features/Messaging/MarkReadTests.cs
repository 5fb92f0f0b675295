namespace Waitlist.Tests.Features.Messaging;

public sealed class MarkReadTests(ApiFixture fixture) : ApiTests<ApiFixture>(fixture)
{
    [Fact]
    public async Task Reading_up_to_a_message_leaves_only_the_later_ones_unread_and_the_marker_never_goes_back()
    {
        var (ana, luis, eva) = await Api.CastAsync();
        var withAna = await luis.ConversationWithAsync(ana);
        var withEva = await luis.ConversationWithAsync(eva);
        var first = await ana.SendAsync(withAna, "Uno");
        var second = await ana.SendAsync(withAna, "Dos");
        await ana.SendAsync(withAna, "Tres");
        await eva.SendAsync(withEva, "De Eva");
        Assert.Equal(4, await luis.UnreadAsync());

        await luis.ReadUpToAsync(withAna, second);
        Assert.Equal(2, await luis.UnreadAsync());
        await luis.ReadUpToAsync(withAna, first);

        Assert.Equal(2, await luis.UnreadAsync());
        var list = await (await luis.Client.GetAsync("/api/conversations")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal([1L, 1L], list.GetProperty("conversations").EnumerateArray().Select(c => c.GetProperty("unreadCount").GetInt64()).ToArray());
        Assert.Equal(0, await ana.UnreadAsync()); // her own messages are never unread for her
    }

    [Fact]
    public async Task A_message_of_another_conversation_is_a_404_and_moves_nothing()
    {
        var (ana, luis, eva) = await Api.CastAsync();
        var withAna = await luis.ConversationWithAsync(ana);
        var elsewhere = await eva.SendAsync(await eva.ConversationWithAsync(ana), "Otra conversación");
        await ana.SendAsync(withAna, "Hola");

        var body = await (await luis.Client.PostAsync(MessagingPaths.Read(withAna), new { lastMessageId = elsewhere.Id() })).ShouldBe(HttpStatusCode.NotFound);

        Assert.Equal("MESSAGE_NOT_FOUND", body.GetProperty("code").GetString());
        Assert.Equal(1, await luis.UnreadAsync());
    }

    [Fact]
    public async Task A_conversation_of_others_is_a_404()
    {
        var (ana, _, theirs) = await Api.PairAsync();
        var message = await ana.SendAsync(theirs, "Hola");
        var eva = await Api.PersonAsync("Eva Sanz");

        var body = await (await eva.Client.PostAsync(MessagingPaths.Read(theirs), new { lastMessageId = message.Id() })).ShouldBe(HttpStatusCode.NotFound);

        Assert.Equal("CONVERSATION_NOT_FOUND", body.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("{}", "lastMessageId:REQUIRED")]
    [InlineData("""{"lastMessageId":0}""", "lastMessageId:INVALID_ID")]
    public async Task A_missing_or_impossible_message_id_is_a_400(string json, string error)
    {
        var (ana, _, conversation) = await Api.PairAsync();

        var body = await (await ana.Client.PostRawAsync(MessagingPaths.Read(conversation), json)).ShouldBe(HttpStatusCode.BadRequest);

        Assert.Equal([error], body.FieldErrors());
    }

    [Fact]
    public async Task A_message_id_that_is_not_a_number_is_invalid_json()
    {
        var (ana, _, conversation) = await Api.PairAsync();

        var body = await (await ana.Client.PostRawAsync(MessagingPaths.Read(conversation), """{"lastMessageId":"doce"}""")).ShouldBe(HttpStatusCode.BadRequest);

        Assert.Equal("INVALID_JSON", body.GetProperty("code").GetString());
    }
}
