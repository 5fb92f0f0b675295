namespace Waitlist.Features.Messaging.StartConversation;

/// <summary>
/// Opens the caller's one conversation with another person — creating it (201) or finding it (200) — and posts the
/// first message when there is one. Nobody starts one with themselves, with an account that does not exist (or is
/// banned: it has no public face), or across a block either way.
/// </summary>
internal sealed class Handler(DbScope db, MessagingStore store, MessagePoster poster, UserDirectory users, TimeProvider time) : IHandler
{
    public async Task<Results<Created<Response>, Ok<Response>, ErrorResult>> HandleAsync(Request request, HttpContext context, CancellationToken cancellationToken)
    {
        var caller = context.RequiredUser();
        if (request.ParticipantId == caller.Id)
            return ErrorResponses.Result(MessagingTexts.CannotMessageYourself);
        var other = await users.FindAsync(request.ParticipantId!, cancellationToken);
        if (other is null || other.IsBannedAt(time.GetUtcNow().UtcDateTime))
            return ErrorResponses.Result(MessagingTexts.UserNotFound);
        var blocks = await store.BlocksBetweenAsync(caller.Id, other.Id, cancellationToken);
        if (blocks.BlockedByOther)
            return ErrorResponses.Result(MessagingTexts.BlockedByUser);
        if (blocks.BlockingOther)
            return ErrorResponses.Result(MessagingTexts.UserBlocked);

        var (id, created) = await db.InTransactionAsync(async () =>
        {
            var started = await store.StartAsync(caller.Id, other.Id, cancellationToken);
            if (request.HasMessage)
                await poster.PostAsync(started.Id, caller.Id, [caller.Id, other.Id], request.Message!, request.ClientId, cancellationToken);
            return started;
        }, cancellationToken);

        var row = await store.ConversationAsync(id, caller.Id, cancellationToken);
        var conversation = (await ConversationView.ListAsync([row!], caller.Id, users, cancellationToken)).Single();
        return created ? TypedResults.Created((string?)null, new Response(conversation)) : TypedResults.Ok(new Response(conversation));
    }
}
