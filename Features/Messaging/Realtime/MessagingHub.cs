using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;

namespace Waitlist.Features.Messaging.Realtime;

/// <summary>
/// The real-time connection of the dashboard, at <see cref="Path"/>: authenticated by the Better Auth session cookie
/// (and from a trusted origin, as browsers send cookies on cross-site WebSockets), it receives
/// <see cref="RealtimeEvents"/> for the person's conversations from every instance, and sends <c>typing</c>. A
/// connection lives only as long as its session (<see cref="RealtimeSessionGuard"/>).
/// </summary>
internal sealed class MessagingHub(RealtimeConnections connections, MessagingStore store, RealtimePublisher realtime, DbScope db, TimeProvider time) : Hub
{
    public const string Path = "/api/realtime";

    /// <summary>A connection's typing signals beyond one in this time are dropped: the dashboard sends one per keystroke.</summary>
    public static readonly TimeSpan TypingInterval = TimeSpan.FromSeconds(2);

    private const string LastTypingKey = "typing";

    public override Task OnConnectedAsync()
    {
        // Only a browser session is followed for revocation; anything else has no business here.
        if (Context.UserIdentifier is not { } userId || Context.User?.FindFirstValue(CurrentUser.SessionIdClaim) is not { } sessionId)
            Context.Abort();
        else
            connections.Add(new RealtimeConnection(Context.ConnectionId, userId, sessionId, Context));
        return Task.CompletedTask;
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.UserIdentifier is { } userId)
            connections.Remove(userId, Context.ConnectionId);
        return Task.CompletedTask;
    }

    /// <summary>
    /// The caller is writing in a conversation: the other person hears <see cref="RealtimeEvents.Typing"/>, on whatever
    /// instance. A signal, not a request: one that is too soon after the last, names no conversation of the caller's, or
    /// crosses a block is dropped without an answer (the dashboard sends it with <c>send</c>, not <c>invoke</c>), so it
    /// tells nothing about other people's conversations and costs nothing to log.
    /// </summary>
    [HubMethodName("typing")]
    public async Task TypingAsync(TypingRequest? request)
    {
        var now = time.GetTimestamp();
        if (Context.Items.TryGetValue(LastTypingKey, out var last) && time.GetElapsedTime((long)last!, now) < TypingInterval)
            return;
        Context.Items[LastTypingKey] = now;
        if (!ConversationIds.TryParse(request?.ConversationId, out var conversationId))
            return;

        var userId = Context.UserIdentifier!;
        var cancellationToken = Context.ConnectionAborted;
        var access = await store.AccessAsync(conversationId, userId, cancellationToken);
        if (access?.OtherId is null || access.BlockedByOther || access.BlockingOther)
            return;
        await db.InTransactionAsync(async () =>
        {
            await realtime.TypingAsync(conversationId, access.Members(userId), userId, cancellationToken);
            return true;
        }, cancellationToken);
    }
}

/// <summary>The argument of the hub's <c>typing</c>: <c>{ conversationId }</c>.</summary>
internal sealed record TypingRequest(string? ConversationId);
