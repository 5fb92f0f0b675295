namespace Waitlist.Features.Messaging.ListMessages;

/// <summary>
/// A conversation's messages, newest first, a page at a time (<c>before</c>), or only those after the last one a client
/// holds (<c>after</c>): what it asks for after a reconnection, since ids grow in commit order within a conversation.
/// A conversation the caller is not in does not exist for them.
/// </summary>
internal sealed class Handler(MessagingStore store) : IHandler
{
    public const int DefaultLimit = 50;

    public async Task<Results<Ok<Response>, ErrorResult>> HandleAsync(string id, Request request, HttpContext context, CancellationToken cancellationToken)
    {
        var caller = context.RequiredUser();
        var conversationId = Guid.Parse(id);
        if (!await store.IsMemberAsync(conversationId, caller.Id, cancellationToken))
            return ErrorResponses.Result(MessagingTexts.ConversationNotFound);
        var (messages, nextCursor) = await request.ReadPageAsync(DefaultLimit,
            limit => store.MessagePageAsync(conversationId, MessagingRules.ParseQueryId(request.Before), MessagingRules.ParseQueryId(request.After), limit, cancellationToken),
            message => message.Id);
        return TypedResults.Ok(new Response(messages, nextCursor));
    }
}
