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
        var limit = Page.From(request.Limit, null, DefaultLimit).Limit;
        var rows = await store.ConversationsAsync(caller.Id, MessagingRules.ParseQueryId(request.Cursor), limit + 1, cancellationToken);
        var page = rows.Take(limit).ToList();
        var conversations = await ConversationView.ListAsync(page, caller.Id, users, cancellationToken);
        return TypedResults.Ok(new Response(conversations, rows.Count > limit ? page[^1].Activity.ToString(CultureInfo.InvariantCulture) : null));
    }
}
