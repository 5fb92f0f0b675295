using Waitlist.Features.Messaging.Realtime;

namespace Waitlist.Features.Messaging.MarkRead;

/// <summary>
/// Moves the caller's read marker forward to a message of the conversation; when it moves, everyone in it hears
/// <c>conversation.read</c> and the caller's devices their new unread count. A marker already there or further is left
/// alone (204 all the same): reads from two devices never move it back.
/// </summary>
internal sealed class Handler(DbScope db, MessagingStore store, RealtimePublisher realtime) : IHandler
{
    public async Task<Results<NoContent, ErrorResult>> HandleAsync(string id, Request request, HttpContext context, CancellationToken cancellationToken)
    {
        var caller = context.RequiredUser();
        var conversationId = Guid.Parse(id);
        var messageId = request.LastMessageId!.Value;
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        if (await store.AccessAsync(conversationId, caller.Id, cancellationToken) is not { } access)
            return ErrorResponses.Result(MessagingTexts.ConversationNotFound);
        if (!await store.MarkReadAsync(conversationId, caller.Id, messageId, cancellationToken))
        {
            return await store.HasMessageAsync(conversationId, messageId, cancellationToken)
                ? TypedResults.NoContent()
                : ErrorResponses.Result(MessagingTexts.MessageNotFound);
        }
        await realtime.ReadAsync(conversationId, access.Members(caller.Id), caller.Id, messageId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
