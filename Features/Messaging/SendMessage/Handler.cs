namespace Waitlist.Features.Messaging.SendMessage;

/// <summary>
/// Posts a message in one of the caller's conversations (201) and announces it to every instance in the same
/// transaction. A retry that carries the <c>clientId</c> of a message already posted gets that message back (200) and
/// creates nothing, whatever happened since. Nobody writes to a person who blocked them or whom they blocked, nor to an
/// account since deleted.
/// </summary>
internal sealed class Handler(DbScope db, MessagingStore store, MessagePoster poster) : IHandler
{
    public async Task<Results<Created<Response>, Ok<Response>, ErrorResult>> HandleAsync(
        string id, Request request, HttpContext context, CancellationToken cancellationToken)
    {
        var caller = context.RequiredUser();
        var conversationId = Guid.Parse(id);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        if (await store.AccessAsync(conversationId, caller.Id, cancellationToken) is not { } access)
            return ErrorResponses.Result(MessagingTexts.ConversationNotFound);
        if (request.ClientId is not null && await store.PostedWithClientIdAsync(conversationId, caller.Id, request.ClientId, cancellationToken) is { } posted)
            return TypedResults.Ok(new Response(posted));
        if (access.OtherId is null)
            return ErrorResponses.Result(MessagingTexts.ConversationClosed);
        if (access.BlockedByOther)
            return ErrorResponses.Result(MessagingTexts.BlockedByUser);
        if (access.BlockingOther)
            return ErrorResponses.Result(MessagingTexts.UserBlocked);

        var (message, created) = await poster.PostAsync(conversationId, caller.Id, access.Members(caller.Id), request.Body!, request.ClientId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return created ? TypedResults.Created((string?)null, new Response(message)) : TypedResults.Ok(new Response(message));
    }
}
