namespace Waitlist.Tests.Features.Messaging;

/// <summary>A signed-in person of a test: a browser-like client and the account's id.</summary>
public sealed record Person(AuthClient Client, string Id, string Name);

/// <summary>People, conversations and messages for messaging's tests, through the API as the dashboard makes them.</summary>
public static class MessagingTestApi
{
    public static async Task<Person> PersonAsync(this ApiFactory api, string name = "Ana Pérez")
    {
        var client = new AuthClient(api);
        var id = (await client.SignUpAsync(name: name)).GetProperty("user").GetProperty("id").GetString()!;
        return new Person(client, id, name);
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
        (await (await from.Client.PostAsync($"/api/conversations/{conversationId}/messages", new { body, clientId })).ShouldBe(HttpStatusCode.Created))
        .GetProperty("message");

    public static async Task<long> UnreadAsync(this Person person) =>
        (await (await person.Client.GetAsync("/api/messages/unread-count")).ShouldBe(HttpStatusCode.OK)).GetProperty("unread").GetInt64();

    public static long Id(this JsonElement message) => message.GetProperty("id").GetInt64();
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
