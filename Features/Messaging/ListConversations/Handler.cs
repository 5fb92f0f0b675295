namespace Waitlist.Features.Messaging.ListConversations;

/// <summary>
/// The caller's conversations, the one with the latest message first, a page at a time. The cursor is a position in
/// that order (keyset), so a conversation that receives a message while the caller pages moves to the top rather
/// than appearing twice.
/// </summary>
internal sealed class Handler(MessagingStore store, UserDirectory users) : IHandler
{
    public const int DefaultLimit = 20;

    public async Task<Ok<Response>> HandleAsync(Request request, HttpContext context, CancellationToken cancellationToken)
    {
        var caller = context.RequiredUser();
        var (rows, nextCursor) = await request.ReadPageAsync(DefaultLimit,
            limit => store.ConversationsAsync(caller.Id, MessagingRules.ParseQueryId(request.Cursor), limit, cancellationToken), row => row.Activity);
        var conversations = await ConversationView.ListAsync(rows, caller.Id, users, cancellationToken);
        return TypedResults.Ok(new Response(conversations, nextCursor));
    }
}
