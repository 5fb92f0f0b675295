namespace Waitlist.Tests.Features.Messaging;

/// <summary>A signed-in person of a test: a browser-like client and the account's id.</summary>
public sealed record Person(AuthClient Client, string Id, string Name);

/// <summary>The usual cast of messaging's tests: three people, each signed in, who have not written to each other yet.</summary>
public sealed record Cast(Person Ana, Person Luis, Person Eva);

/// <summary>Ana and Luis, each signed in, and the conversation Ana started with Luis (no messages yet).</summary>
public sealed record Pair(Person Ana, Person Luis, string Conversation);

/// <summary>People, conversations and messages for messaging's tests, through the API as the dashboard makes them.</summary>
public static class MessagingTestApi
{
    public static async Task<Person> PersonAsync(this ApiFactory api, string name = "Ana Pérez")
    {
        var client = new AuthClient(api);
        var id = (await client.SignUpAsync(name: name)).GetProperty("user").GetProperty("id").GetString()!;
        return new Person(client, id, name);
    }

    public static async Task<Cast> CastAsync(this ApiFactory api, string evasName = "Eva Sanz") =>
        new(await api.PersonAsync(), await api.PersonAsync("Luis Gil"), await api.PersonAsync(evasName));

    public static async Task<Pair> PairAsync(this ApiFactory api)
    {
        var ana = await api.PersonAsync();
        var luis = await api.PersonAsync("Luis Gil");
        return new Pair(ana, luis, await ana.ConversationWithAsync(luis));
    }

    /// <summary>Starts (or opens) <paramref name="from"/>'s conversation with <paramref name="to"/> and returns its id.</summary>
    public static async Task<string> ConversationWithAsync(this Person from, Person to)
    {
        var response = await from.Client.PostAsync("/api/conversations", new { participantId = to.Id });
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"Starting a conversation answered {(int)response.StatusCode}.");
        return (await response.ShouldBe(response.StatusCode)).GetProperty("conversation").GetProperty("id").GetString()!;
    }

    /// <summary>Posts a message and returns it, asserting a 201.</summary>
    public static async Task<JsonElement> SendAsync(this Person from, string conversationId, string body, string? clientId = null) =>
        (await (await from.Client.PostAsync(MessagingPaths.Messages(conversationId), new { body, clientId })).ShouldBe(HttpStatusCode.Created))
        .GetProperty("message");

    /// <summary>Marks <paramref name="conversationId"/> read up to <paramref name="message"/>, asserting a 204.</summary>
    public static async Task ReadUpToAsync(this Person reader, string conversationId, JsonElement message) =>
        await (await reader.Client.PostAsync(MessagingPaths.Read(conversationId), new { lastMessageId = message.Id() })).ShouldBe(HttpStatusCode.NoContent);

    public static async Task<long> UnreadAsync(this Person person) =>
        (await (await person.Client.GetAsync("/api/messages/unread-count")).ShouldBe(HttpStatusCode.OK)).GetProperty("unread").GetInt64();

    /// <summary>The address <paramref name="person"/> signed up with.</summary>
    public static async Task<string> EmailOfAsync(this ApiFactory api, Person person)
    {
        await using var db = await api.OpenDatabaseAsync();
        return await db.ExecuteScalarAsync<string>("SELECT email FROM users WHERE id = @id", new { id = person.Id }) ?? throw new InvalidOperationException();
    }

    public static long Id(this JsonElement message) => message.GetProperty("id").GetInt64();
}

/// <summary>Messaging's routes of one conversation.</summary>
public static class MessagingPaths
{
    public static string Messages(string conversationId) => $"/api/conversations/{conversationId}/messages";

    public static string Read(string conversationId) => $"/api/conversations/{conversationId}/read";
}

public static class MessagingNotifications
{
    /// <summary>Waits until the API's listener listens on messaging's channel, so that no event of the test can be missed.</summary>
    public static async Task MessagingListeningAsync(this ApiFactory api)
    {
        using var probe = new NotificationProbe(api, "messaging");
        await probe.ListeningAsync();
    }
}
