namespace Waitlist.Tests.Features.Messaging;

public sealed class SendMessageTests(ApiFixture fixture) : ApiTests<ApiFixture>(fixture)
{
    [Fact]
    public async Task A_message_is_stored_trimmed_with_its_line_breaks_and_tabs_and_answered_as_it_is()
    {
        var (ana, luis, conversation) = await Api.PairAsync();

        var message = await ana.SendAsync(conversation, "  Hola:\r\n\tuna lista\n- ✓ 🧪  ");

        Assert.Equal("Hola:\n\tuna lista\n- ✓ 🧪", message.GetProperty("body").GetString());
        Assert.Equal(conversation, message.GetProperty("conversationId").GetString());
        Assert.Equal(ana.Id, message.GetProperty("senderId").GetString());
        Assert.Equal(JsonValueKind.Null, message.GetProperty("editedAt").ValueKind);
        await using var db = await Api.OpenDatabaseAsync();
        Assert.Equal("Hola:\n\tuna lista\n- ✓ 🧪", await db.ExecuteScalarAsync<string>("SELECT body FROM messages WHERE id = @id", new { id = message.Id() }));
        Assert.Equal(1, await luis.UnreadAsync());
        Assert.Equal(0, await ana.UnreadAsync());
    }

    [Fact]
    public async Task A_retry_with_the_same_client_id_gives_back_the_same_message_and_creates_none()
    {
        var (ana, _, conversation) = await Api.PairAsync();
        var first = await ana.SendAsync(conversation, "¿Te viene bien el jueves?", clientId: "a7f3c2e0-retry");

        var retry = await (await ana.Client.PostAsync(MessagingPaths.Messages(conversation), new { body = "¿Te viene bien el jueves?", clientId = "a7f3c2e0-retry" })).ShouldBe(HttpStatusCode.OK);
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ =>
            ana.Client.PostAsync(MessagingPaths.Messages(conversation), new { body = "Otro", clientId = "b-concurrent" })));

        Assert.Equal(first.GetRawText(), retry.GetProperty("message").GetRawText());
        Assert.Single(concurrent, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(concurrent, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK));
        var ids = await Task.WhenAll(concurrent.Select(async r => (await r.ShouldBe(r.StatusCode)).GetProperty("message").Id()));
        Assert.Single(ids.Distinct());
        Assert.Equal(2, await Api.CountAsync("SELECT count(*) FROM messages WHERE conversation_id = @c::uuid", new { c = conversation }));
    }

    [Fact]
    public async Task The_same_client_id_from_the_other_person_is_another_message()
    {
        var (ana, luis, conversation) = await Api.PairAsync();

        var fromAna = await ana.SendAsync(conversation, "Hola", clientId: "same");
        var fromLuis = await luis.SendAsync(conversation, "Hola", clientId: "same");

        Assert.NotEqual(fromAna.Id(), fromLuis.Id());
    }

    [Theory]
    [InlineData("""{"body":null}""", "body:REQUIRED")]
    [InlineData("""{"body":"   \n\t "}""", "body:REQUIRED")]
    [InlineData("""{"body":"hola\u0000"}""", "body:CONTROL_CHARACTERS")]
    [InlineData("""{"body":"hola\rmundo"}""", "body:CONTROL_CHARACTERS")]
    [InlineData("""{"body":"hola\u001b[31m"}""", "body:CONTROL_CHARACTERS")]
    [InlineData("""{"body":"hola","clientId":""}""", "clientId:INVALID_CLIENT_ID")]
    public async Task A_body_that_is_empty_or_holds_other_control_characters_is_a_400(string json, string error)
    {
        var (ana, _, conversation) = await Api.PairAsync();

        var body = await (await ana.Client.PostRawAsync(MessagingPaths.Messages(conversation), json)).ShouldBe(HttpStatusCode.BadRequest);

        Assert.Equal([error], body.FieldErrors());
        Assert.Equal(0, await Api.CountAsync("SELECT count(*) FROM messages WHERE conversation_id = @c::uuid", new { c = conversation }));
    }

    [Fact]
    public async Task A_body_may_hold_4000_characters_counted_as_people_count_them_and_not_one_more()
    {
        var (ana, _, conversation) = await Api.PairAsync();

        var longest = await ana.SendAsync(conversation, string.Concat(Enumerable.Repeat("🧪", 4000)));
        var tooLong = await (await ana.Client.PostAsync(MessagingPaths.Messages(conversation), new { body = new string('a', 4001) })).ShouldBe(HttpStatusCode.BadRequest);

        Assert.Equal(8000, longest.GetProperty("body").GetString()!.Length); // UTF-16 units; 4,000 characters
        Assert.Equal(["body:TOO_LONG"], tooLong.FieldErrors());
        Assert.Equal("El mensaje no puede superar los 4.000 caracteres.", tooLong.GetProperty("details")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_conversation_of_others_is_a_404_and_gets_no_message()
    {
        var (_, luis, conversation) = await Api.PairAsync();
        var eva = await Api.PersonAsync("Eva Sanz");

        var body = await (await eva.Client.PostAsync(MessagingPaths.Messages(conversation), new { body = "Me cuelo" })).ShouldBe(HttpStatusCode.NotFound);

        Assert.Equal("CONVERSATION_NOT_FOUND", body.GetProperty("code").GetString());
        Assert.Equal(0, await luis.UnreadAsync());
    }

    [Fact]
    public async Task A_blocked_person_cannot_write_to_the_blocker_nor_the_blocker_to_them_and_the_blockers_list_is_unchanged()
    {
        var (ana, luis, conversation) = await Api.PairAsync();
        await ana.SendAsync(conversation, "Antes del bloqueo");
        var before = await (await luis.Client.GetAsync("/api/conversations")).ShouldBe(HttpStatusCode.OK);
        await (await luis.Client.PostAsync($"/api/users/{ana.Id}/block")).ShouldBe(HttpStatusCode.NoContent);

        var blocked = await (await ana.Client.PostAsync(MessagingPaths.Messages(conversation), new { body = "¿Me lees?" })).ShouldBe(HttpStatusCode.Forbidden);
        var blocker = await (await luis.Client.PostAsync(MessagingPaths.Messages(conversation), new { body = "No" })).ShouldBe(HttpStatusCode.Forbidden);

        Assert.Equal("BLOCKED_BY_USER", blocked.GetProperty("code").GetString());
        Assert.Equal("Esta persona no acepta tus mensajes.", blocked.GetProperty("error").GetString());
        Assert.Equal("USER_BLOCKED", blocker.GetProperty("code").GetString());
        Assert.Equal(before.GetRawText(), (await (await luis.Client.GetAsync("/api/conversations")).ShouldBe(HttpStatusCode.OK)).GetRawText());
        Assert.Equal(1, await luis.UnreadAsync());

        await (await luis.Client.DeleteAsync($"/api/users/{ana.Id}/block")).ShouldBe(HttpStatusCode.NoContent);
        await ana.SendAsync(conversation, "¿Y ahora?");
    }

    [Fact]
    public async Task The_31st_message_in_a_minute_is_a_429_with_Retry_After_whatever_the_conversation()
    {
        var ana = await Api.PersonAsync();
        var conversations = new[] { await ana.ConversationWithAsync(await Api.PersonAsync("Luis Gil")), await ana.ConversationWithAsync(await Api.PersonAsync("Eva Sanz")) };
        // Two conversations started: two of the 30.
        for (var i = 0; i < 28; i++)
            await ana.SendAsync(conversations[i % 2], $"Mensaje {i}");

        var response = await ana.Client.PostAsync(MessagingPaths.Messages(conversations[0]), new { body = "Uno de más" });

        var body = await response.ShouldBe(HttpStatusCode.TooManyRequests);
        Assert.Equal("RATE_LIMITED", body.GetProperty("code").GetString());
        Assert.StartsWith("Demasiadas solicitudes. Inténtalo de nuevo en ", body.GetProperty("error").GetString());
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Equal("30", response.Header("X-RateLimit-Limit"));
        // Counted per person, not per address: someone else on Ana's address still writes.
        var luis = await Api.PersonAsync("Luis Gil");
        await luis.SendAsync(await luis.ConversationWithAsync(await Api.PersonAsync("Eva Sanz")), "Hola");
    }
}

/// <summary>An API that logs everything it can, to show that no message body reaches the log at any level.</summary>
public sealed class MessageBodiesInTheLogTests
{
    [Fact]
    public async Task No_log_entry_holds_a_message_body_whatever_the_outcome()
    {
        await using var api = await ApiFactory.StartAsync(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Microsoft"] = "Trace",
            ["Logging:LogLevel:Waitlist"] = "Trace",
            ["Logging:LogLevel:Npgsql"] = "Trace",
            ["Logging:Console:LogLevel:Default"] = "None", // captured, not printed
        });
        var ana = await api.PersonAsync();
        var luis = await api.PersonAsync("Luis Gil");
        const string secret = "SECRETO-confidencial-7d1e";
        await using var probe = await RealtimeProbe.ConnectAsync(api, luis.Client);
        var conversation = await ana.ConversationWithAsync(luis);

        var sent = await ana.SendAsync(conversation, $"{secret} uno");
        await (await ana.Client.PostAsync(MessagingPaths.Messages(conversation), new { body = $"{secret} dos\u0007" })).ShouldBe(HttpStatusCode.BadRequest);
        await (await ana.Client.PostRawAsync(MessagingPaths.Messages(conversation), $$"""{"body":"{{secret}} tres\ud800"}""")).ShouldBe(HttpStatusCode.BadRequest);
        await probe.ReceivedAsync("message.created");
        await (await luis.Client.GetAsync(MessagingPaths.Messages(conversation))).ShouldBe(HttpStatusCode.OK);

        Assert.Contains(api.Logs.Entries, entry => entry.Level < LogLevel.Warning); // the log really is verbose
        Assert.DoesNotContain(api.Logs.Entries, entry => entry.Message.Contains(secret, StringComparison.Ordinal));
        Assert.Equal(sent.Id(), (await probe.ReceivedAsync("message.created")).GetProperty("message").Id());
    }
}
