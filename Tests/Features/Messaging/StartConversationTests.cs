namespace Waitlist.Tests.Features.Messaging;

public sealed class StartConversationTests(ApiFixture fixture) : ApiTests<ApiFixture>(fixture)
{
    private const string Path = "/api/conversations";

    [Fact]
    public async Task A_new_pair_gets_a_conversation_and_asking_again_opens_the_same_one()
    {
        var ana = await Api.PersonAsync("Ana Pérez");
        var empresa = await Api.PersonAsync("Laboratorios Sol");

        var created = await (await ana.Client.PostAsync(Path, new { participantId = empresa.Id })).ShouldBe(HttpStatusCode.Created);
        var again = await (await ana.Client.PostAsync(Path, new { participantId = empresa.Id })).ShouldBe(HttpStatusCode.OK);
        var fromTheOtherSide = await (await empresa.Client.PostAsync(Path, new { participantId = ana.Id })).ShouldBe(HttpStatusCode.OK);

        var conversation = created.GetProperty("conversation");
        var id = conversation.GetProperty("id").GetString();
        Assert.Equal(id, again.GetProperty("conversation").GetProperty("id").GetString());
        Assert.Equal(id, fromTheOtherSide.GetProperty("conversation").GetProperty("id").GetString());
        // The other person first, then the caller.
        Assert.Equal([(empresa.Id, "Laboratorios Sol"), (ana.Id, "Ana Pérez")],
            conversation.GetProperty("participants").EnumerateArray().Select(p => (p.GetProperty("id").GetString(), p.GetProperty("name").GetString())).ToArray());
        Assert.Equal(JsonValueKind.Null, conversation.GetProperty("lastMessage").ValueKind);
        Assert.Equal(0, conversation.GetProperty("unreadCount").GetInt64());
        Assert.Equal(1, await Api.CountAsync("SELECT count(*) FROM conversations WHERE @a IN (user_low, user_high) AND @b IN (user_low, user_high)", new { a = ana.Id, b = empresa.Id }));
    }

    [Fact]
    public async Task Two_simultaneous_starts_of_one_pair_make_one_conversation()
    {
        var ana = await Api.PersonAsync();
        var luis = await Api.PersonAsync("Luis Gil");

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? ana : luis).Client.PostAsync(Path, new { participantId = i % 2 == 0 ? luis.Id : ana.Id })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK));
        Assert.Equal(1, await Api.CountAsync("SELECT count(*) FROM conversations WHERE @a IN (user_low, user_high)", new { a = ana.Id }));
        Assert.Equal(2, await Api.CountAsync("SELECT count(*) FROM conversation_members m JOIN conversations c ON c.id = m.conversation_id WHERE @a IN (c.user_low, c.user_high)", new { a = ana.Id }));
    }

    [Fact]
    public async Task A_first_message_is_posted_with_the_conversation_and_the_other_person_has_it_unread()
    {
        var ana = await Api.PersonAsync();
        var luis = await Api.PersonAsync("Luis Gil");

        var body = await (await ana.Client.PostAsync(Path, new { participantId = luis.Id, message = "  Hola, Luis.\r\n¿Hablamos?  ", clientId = "c-1" })).ShouldBe(HttpStatusCode.Created);

        var last = body.GetProperty("conversation").GetProperty("lastMessage");
        Assert.Equal("Hola, Luis.\n¿Hablamos?", last.GetProperty("body").GetString());
        Assert.Equal(ana.Id, last.GetProperty("senderId").GetString());
        Assert.Equal(0, body.GetProperty("conversation").GetProperty("unreadCount").GetInt64());
        Assert.Equal(1, await luis.UnreadAsync());
        // The same start retried with its clientId opens the conversation and posts nothing more.
        await (await ana.Client.PostAsync(Path, new { participantId = luis.Id, message = "Hola, Luis.", clientId = "c-1" })).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(1, await Api.CountAsync("SELECT count(*) FROM messages WHERE sender_id = @id", new { id = ana.Id }));
    }

    [Fact]
    public async Task Nobody_starts_a_conversation_with_themselves_with_nobody_or_with_a_banned_account()
    {
        var ana = await Api.PersonAsync();
        var banned = await Api.PersonAsync("Cuenta Suspendida");
        await using (var db = await Api.OpenDatabaseAsync())
        {
            await db.ExecuteAsync("UPDATE users SET banned = true WHERE id = @id", new { id = banned.Id });
            await Api.ChangedByHandAsync(db, banned.Id);
        }

        var self = await (await ana.Client.PostAsync(Path, new { participantId = ana.Id })).ShouldBe(HttpStatusCode.BadRequest);
        var nobody = await (await ana.Client.PostAsync(Path, new { participantId = "noExisteNingunaCuentaConEsteId00" })).ShouldBe(HttpStatusCode.NotFound);
        var suspended = await (await ana.Client.PostAsync(Path, new { participantId = banned.Id })).ShouldBe(HttpStatusCode.NotFound);

        Assert.Equal("CANNOT_MESSAGE_YOURSELF", self.GetProperty("code").GetString());
        Assert.Equal("No puedes empezar una conversación contigo.", self.GetProperty("error").GetString());
        Assert.Equal("USER_NOT_FOUND", nobody.GetProperty("code").GetString());
        Assert.Equal("USER_NOT_FOUND", suspended.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("{}", "participantId:REQUIRED")]
    [InlineData("""{"participantId":"no/es un id"}""", "participantId:INVALID_ID")]
    [InlineData("""{"participantId":"abc","message":"hola\u0007"}""", "message:CONTROL_CHARACTERS")]
    [InlineData("""{"participantId":"abc","clientId":"con espacios"}""", "clientId:INVALID_CLIENT_ID")]
    public async Task Invalid_bodies_are_400s_that_name_the_field(string json, string error)
    {
        var ana = await Api.PersonAsync();

        var body = await (await ana.Client.PostRawAsync(Path, json)).ShouldBe(HttpStatusCode.BadRequest);

        Assert.Equal("VALIDATION_FAILED", body.GetProperty("code").GetString());
        Assert.Equal([error], body.FieldErrors());
    }

    [Fact]
    public async Task A_block_either_way_stops_a_new_conversation()
    {
        var ana = await Api.PersonAsync();
        var luis = await Api.PersonAsync("Luis Gil");
        await (await luis.Client.PostAsync($"/api/users/{ana.Id}/block")).ShouldBe(HttpStatusCode.NoContent);

        var blocked = await (await ana.Client.PostAsync(Path, new { participantId = luis.Id })).ShouldBe(HttpStatusCode.Forbidden);
        var blocker = await (await luis.Client.PostAsync(Path, new { participantId = ana.Id })).ShouldBe(HttpStatusCode.Forbidden);

        Assert.Equal("BLOCKED_BY_USER", blocked.GetProperty("code").GetString());
        Assert.Equal("USER_BLOCKED", blocker.GetProperty("code").GetString());
        Assert.Equal(0, await Api.CountAsync("SELECT count(*) FROM conversations WHERE @a IN (user_low, user_high)", new { a = ana.Id }));
    }
}
