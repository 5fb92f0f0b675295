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
        var limit = Page.From(request.Limit, null, DefaultLimit).Limit;
        var rows = await store.MessagePageAsync(conversationId, MessagingRules.ParseQueryId(request.Before), MessagingRules.ParseQueryId(request.After),
            limit + 1, cancellationToken);
        var page = rows.Take(limit).ToList();
        return TypedResults.Ok(new Response(page, rows.Count > limit ? page[^1].Id.ToString(CultureInfo.InvariantCulture) : null));
    }
}
