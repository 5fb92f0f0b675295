using Waitlist.Tests.Features.Profile;

namespace Waitlist.Tests.Features.Messaging;

/// <summary>
/// Messaging's part of the data export and of the account's erasure: the person gets their conversations, every message
/// in them, their blocks and digests; erasing them leaves the other person their conversation, without the erased
/// person's id anywhere, and removes what nobody is left in.
/// </summary>
public sealed class MessagingPersonalDataTests(ApiFixture fixture) : ApiTests<ApiFixture>(fixture)
{
    [Fact]
    public async Task The_export_holds_the_persons_conversations_messages_and_blocks_and_nobody_elses()
    {
        var (ana, luis, eva) = await Api.CastAsync();
        var withLuis = await ana.ConversationWithAsync(luis);
        var mine = await ana.SendAsync(withLuis, "Hola, Luis");
        var his = await luis.SendAsync(withLuis, "Hola, Ana");
        await luis.SendAsync(await luis.ConversationWithAsync(eva), "Esto no es de Ana");
        await (await ana.Client.PostAsync($"/api/users/{eva.Id}/block")).ShouldBe(HttpStatusCode.NoContent);

        var section = JsonDocument.Parse(await (await ana.Client.GetAsync("/api/user/me/export")).Content.ReadAsStringAsync())
            .RootElement.GetProperty("sections").GetProperty("messages");

        var conversation = Assert.Single(section.GetProperty("conversations").EnumerateArray());
        Assert.Equal(withLuis, conversation.GetProperty("id").GetString());
        Assert.Equal(luis.Id, conversation.GetProperty("withUserId").GetString());
        Assert.Equal([(mine.Id(), "Hola, Luis", ana.Id), (his.Id(), "Hola, Ana", luis.Id)],
            section.GetProperty("messages").EnumerateArray().Select(m => (m.Id(), m.GetProperty("body").GetString(), m.GetProperty("senderId").GetString())));
        Assert.Equal(eva.Id, Assert.Single(section.GetProperty("blocked").EnumerateArray()).GetProperty("userId").GetString());
        Assert.Empty(section.GetProperty("digests").EnumerateArray());
    }

    [Fact]
    public async Task Erasure_leaves_the_other_person_the_conversation_closed_and_the_erased_id_nowhere()
    {
        var (ana, luis, eva) = await Api.CastAsync();
        var withLuis = await ana.ConversationWithAsync(luis);
        var farewell = await ana.SendAsync(withLuis, "Me voy de la plataforma", clientId: "adios-1");
        var reply = await luis.SendAsync(withLuis, "¡Suerte!");
        var withEva = await ana.ConversationWithAsync(eva);
        await eva.SendAsync(withEva, "Yo también me voy");
        await (await eva.Client.PostAsync($"/api/users/{ana.Id}/block")).ShouldBe(HttpStatusCode.NoContent);
        await (await eva.Client.DeleteAsync("/api/user/me", new { password = AuthClient.Password })).ShouldBe(HttpStatusCode.NoContent);

        await (await ana.Client.DeleteAsync("/api/user/me", new { password = AuthClient.Password })).ShouldBe(HttpStatusCode.NoContent);

        await using var db = await Api.OpenDatabaseAsync();
        // The messages rate limit counts per person, so its current window (a minute's counter, like a client address's)
        // names the account until it ends and ratelimit.cleanup drops it: transient, and Infrastructure's, not messaging's.
        Assert.All(await PersonalDataFootprint.FindAsync(db, ana.Id), place => Assert.StartsWith("rate_limit_windows.", place));
        Assert.Equal(0, await db.ExecuteScalarAsync<long>("SELECT count(*) FROM conversations WHERE id = @id::uuid", new { id = withEva }));
        var list = await (await luis.Client.GetAsync("/api/conversations")).ShouldBe(HttpStatusCode.OK);
        var conversation = Assert.Single(list.GetProperty("conversations").EnumerateArray());
        Assert.Equal(withLuis, conversation.GetProperty("id").GetString());
        var erased = conversation.GetProperty("participants")[0];
        Assert.Equal((JsonValueKind.Null, "Cuenta eliminada"), (erased.GetProperty("id").ValueKind, erased.GetProperty("name").GetString()));
        var messages = await (await luis.Client.GetAsync(MessagingPaths.Messages(withLuis))).ShouldBe(HttpStatusCode.OK);
        Assert.Equal([(reply.Id(), luis.Id), (farewell.Id(), null)],
            messages.GetProperty("messages").EnumerateArray().Select(m => (m.Id(), m.GetProperty("senderId").GetString())));
        var closed = await (await luis.Client.PostAsync(MessagingPaths.Messages(withLuis), new { body = "¿Sigues ahí?" })).ShouldBe(HttpStatusCode.Conflict);
        Assert.Equal("CONVERSATION_CLOSED", closed.GetProperty("code").GetString());
    }
}
