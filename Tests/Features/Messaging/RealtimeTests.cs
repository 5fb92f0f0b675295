using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Waitlist.Tests.Features.Messaging;

/// <summary>
/// The hub at /api/realtime through the official .NET SignalR client, with two API instances on one database: every
/// instance delivers every event, to the people concerned only, and a connection lives only as long as its session.
/// </summary>
public sealed class RealtimeTests(RealtimeTests.TwoInstances instances) : IClassFixture<RealtimeTests.TwoInstances>
{
    private readonly ApiFactory _a = instances.A;
    private readonly ApiFactory _b = instances.B;

    /// <summary>Two instances, each listening on messaging's channel.</summary>
    public sealed class TwoInstances : Support.TwoInstances
    {
        protected override Task ReadyAsync(ApiFactory api) => api.MessagingListeningAsync();
    }

    [Fact]
    public async Task A_message_posted_on_one_instance_reaches_both_people_on_the_other()
    {
        var (ana, luis, conversation) = await _a.PairAsync();
        await using var luisOnB = await RealtimeProbe.ConnectAsync(_b, luis.Client);
        await using var anasOtherTabOnB = await RealtimeProbe.ConnectAsync(_b, ana.Client);

        var sent = await ana.SendAsync(conversation, "¿Hablamos el jueves?");

        var created = await luisOnB.ReceivedAsync("message.created");
        Assert.Equal(conversation, created.GetProperty("conversationId").GetString());
        Assert.Equal(sent.GetRawText(), created.GetProperty("message").GetRawText());
        Assert.Equal(1, (await luisOnB.ReceivedAsync("unread.changed")).GetProperty("unread").GetInt64());
        Assert.Equal(sent.Id(), (await anasOtherTabOnB.ReceivedAsync("message.created")).GetProperty("message").Id());

        // Luis reads on A: both hear it on B, and Luis's count drops. Ana's count never changed, so she heard no unread.changed.
        await luis.ReadUpToAsync(conversation, sent);
        var read = await anasOtherTabOnB.ReceivedAsync("conversation.read");
        Assert.Equal(luis.Id, read.GetProperty("userId").GetString());
        Assert.Equal(sent.Id(), read.GetProperty("lastMessageId").GetInt64());
        Assert.Equal(conversation, read.GetProperty("conversationId").GetString());
        await luisOnB.ReceivedAsync("unread.changed", e => e.GetProperty("unread").GetInt64() == 0);
        Assert.Empty(anasOtherTabOnB.All("unread.changed"));
    }

    [Fact]
    public async Task Typing_reaches_the_other_person_at_most_once_per_interval()
    {
        var (ana, luis, conversation) = await _a.PairAsync();
        await using var anaOnA = await RealtimeProbe.ConnectAsync(_a, ana.Client);
        await using var luisOnB = await RealtimeProbe.ConnectAsync(_b, luis.Client);

        await anaOnA.Connection.InvokeAsync("typing", new { conversationId = conversation });
        await anaOnA.Connection.InvokeAsync("typing", new { conversationId = conversation });
        await anaOnA.Connection.InvokeAsync("typing", new { conversationId = conversation });
        await ana.SendAsync(conversation, "Ya está");

        // Notices arrive in commit order: once the message is here, any typing sent before it is too.
        await luisOnB.ReceivedAsync("message.created");
        var typing = Assert.Single(luisOnB.All("typing"));
        Assert.Equal(conversation, typing.GetProperty("conversationId").GetString());
        Assert.Equal(ana.Id, typing.GetProperty("userId").GetString());
        Assert.Empty(anaOnA.All("typing")); // nobody hears their own typing
    }

    [Fact]
    public async Task Typing_in_a_conversation_of_others_or_with_a_malformed_id_is_dropped_without_a_word()
    {
        var (ana, luis, eva) = await _a.CastAsync();
        var theirs = await luis.ConversationWithAsync(eva);
        await using var luisOnB = await RealtimeProbe.ConnectAsync(_b, luis.Client);
        await using var evaOnB = await RealtimeProbe.ConnectAsync(_b, eva.Client);
        var anaOnA = await RealtimeProbe.ConnectAsync(_a, ana.Client);
        var anaAgain = await RealtimeProbe.ConnectAsync(_a, ana.Client);

        await anaOnA.Connection.InvokeAsync("typing", new { conversationId = theirs });
        await anaAgain.Connection.InvokeAsync("typing", new { conversationId = "123" });
        await anaOnA.DisposeAsync();
        await anaAgain.DisposeAsync();
        await eva.SendAsync(theirs, "Fin");

        await luisOnB.ReceivedAsync("message.created");
        Assert.Empty(luisOnB.All("typing"));
        Assert.Empty(evaOnB.All("typing"));
        Assert.DoesNotContain(_a.Logs.Errors, error => error.Contains("typing", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Someone_outside_a_conversation_hears_nothing_of_it()
    {
        var (ana, luis, eva) = await _a.CastAsync();
        var private_ = await ana.ConversationWithAsync(luis);
        var withEva = await ana.ConversationWithAsync(eva);
        await using var evaOnB = await RealtimeProbe.ConnectAsync(_b, eva.Client);
        await using var anaOnA = await RealtimeProbe.ConnectAsync(_a, ana.Client);

        var secret = await ana.SendAsync(private_, "Solo para Luis");
        await anaOnA.Connection.InvokeAsync("typing", new { conversationId = private_ });
        await luis.ReadUpToAsync(private_, secret);
        var forEva = await ana.SendAsync(withEva, "Para Eva");

        await evaOnB.ReceivedAsync("message.created");
        Assert.All(evaOnB.Events.Where(e => e.Name != "unread.changed"), e => Assert.Equal(withEva, e.Payload.GetProperty("conversationId").GetString()));
        Assert.Equal(forEva.Id(), Assert.Single(evaOnB.All("message.created")).GetProperty("message").Id());
    }

    [Fact]
    public async Task Without_a_session_the_hub_answers_401()
    {
        var anonymous = new AuthClient(_a);

        var negotiate = await (await anonymous.PostAsync("/api/realtime/negotiate?negotiateVersion=1")).ShouldBe(HttpStatusCode.Unauthorized);
        var connecting = await Assert.ThrowsAnyAsync<Exception>(() => RealtimeProbe.ConnectAsync(_a, anonymous));

        Assert.Equal("UNAUTHORIZED", negotiate.GetProperty("code").GetString());
        Assert.Contains("401", connecting.Message);
    }

    [Fact]
    public async Task A_browser_on_an_untrusted_origin_or_none_is_refused_even_for_the_WebSocket_GET()
    {
        var ana = await _a.PersonAsync();
        var evil = new AuthClient(_a, origin: "https://evil.example") { };
        foreach (var (name, value) in ana.Client.Cookies)
            evil.Cookies[name] = value;
        var noOrigin = ana.Client.On(_a);
        noOrigin.Origin = null;

        var negotiate = await (await evil.PostAsync("/api/realtime/negotiate?negotiateVersion=1")).ShouldBe(HttpStatusCode.Forbidden);
        var get = await (await evil.GetAsync("/api/realtime")).ShouldBe(HttpStatusCode.Forbidden);
        var getWithoutOrigin = await (await noOrigin.GetAsync("/api/realtime")).ShouldBe(HttpStatusCode.Forbidden);
        var webSocket = await Assert.ThrowsAnyAsync<Exception>(() => RealtimeProbe.ConnectAsync(_a, ana.Client, origin: "https://evil.example"));
        var longPolling = await Assert.ThrowsAnyAsync<Exception>(() =>
            RealtimeProbe.ConnectAsync(_a, ana.Client, origin: "https://evil.example", transport: HttpTransportType.LongPolling));

        Assert.Equal("INVALID_ORIGIN", negotiate.GetProperty("code").GetString());
        Assert.Equal("INVALID_ORIGIN", get.GetProperty("code").GetString());
        Assert.Equal("MISSING_OR_NULL_ORIGIN", getWithoutOrigin.GetProperty("code").GetString());
        Assert.Contains("403", webSocket.Message);
        Assert.Contains("403", longPolling.Message);
        // The trusted origin, with the same cookie, gets through on either transport.
        await using var trusted = await RealtimeProbe.ConnectAsync(_a, ana.Client, transport: HttpTransportType.LongPolling);
        Assert.Equal(HubConnectionState.Connected, trusted.Connection.State);
    }

    [Fact]
    public async Task Signing_out_on_one_instance_closes_that_sessions_connection_on_the_other_and_no_other()
    {
        var luis = await _a.PersonAsync("Luis Gil");
        var laptop = luis.Client;
        var phone = new AuthClient(_a);
        await (await phone.PostAsync("/api/auth/sign-in/email", new { email = await _a.EmailOfAsync(luis), password = AuthClient.Password })).ShouldBe(HttpStatusCode.OK);
        await using var laptopOnB = await RealtimeProbe.ConnectAsync(_b, laptop);
        await using var phoneOnB = await RealtimeProbe.ConnectAsync(_b, phone);

        await (await laptop.PostAsync("/api/auth/sign-out")).ShouldBe(HttpStatusCode.OK);

        await laptopOnB.ClosedAsync();
        var ana = await _a.PersonAsync();
        await ana.SendAsync(await ana.ConversationWithAsync(luis), "¿Sigues ahí?");
        await phoneOnB.ReceivedAsync("message.created");
        Assert.False(phoneOnB.IsClosed);
    }

    [Fact]
    public async Task A_ban_closes_every_connection_of_the_account_on_every_instance()
    {
        var luis = await _a.PersonAsync("Luis Gil");
        await using var onA = await RealtimeProbe.ConnectAsync(_a, luis.Client);
        await using var onB = await RealtimeProbe.ConnectAsync(_b, luis.Client);
        var admin = await AuthClient.SignedInAsAsync(_a, "admin");

        await (await admin.PostAsync("/api/auth/admin/ban-user", new { userId = luis.Id, banReason = "spam" })).ShouldBe(HttpStatusCode.OK);

        await onA.ClosedAsync();
        await onB.ClosedAsync();
        await Assert.ThrowsAnyAsync<Exception>(() => RealtimeProbe.ConnectAsync(_b, luis.Client));
    }

    [Fact]
    public async Task When_the_database_connection_is_lost_clients_are_told_to_read_again_and_what_was_committed_is_there()
    {
        var (ana, luis, conversation) = await _a.PairAsync();
        var lastHeld = (await ana.SendAsync(conversation, "Antes del corte")).Id();
        await using var luisOnB = await RealtimeProbe.ConnectAsync(_b, luis.Client);
        var syncsBefore = luisOnB.SyncRequired;

        await _b.TerminateListenersAsync();
        var duringTheCut = await ana.SendAsync(conversation, "Durante el corte");

        await Conditions.WaitUntilAsync(() => luisOnB.SyncRequired > syncsBefore);
        var missed = await (await luis.Client.GetAsync($"/api/conversations/{conversation}/messages?after={lastHeld}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal([duringTheCut.Id()], missed.GetProperty("messages").EnumerateArray().Select(m => m.Id()).ToArray());
    }
}
