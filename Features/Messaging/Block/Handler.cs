namespace Waitlist.Features.Messaging.Block;

/// <summary>
/// Blocks a person (POST) or lifts the block (DELETE). A blocked person gets a 403 when they write to the blocker;
/// nothing else changes: the conversation stays in both lists, with what was said. Either way twice is no error.
/// </summary>
internal sealed class Handler(MessagingStore store, UserDirectory users) : IHandler
{
    public async Task<Results<NoContent, ErrorResult>> HandleAsync(string id, bool blocked, HttpContext context, CancellationToken cancellationToken)
    {
        var caller = context.RequiredUser();
        if (id == caller.Id)
            return ErrorResponses.Result(MessagingTexts.CannotBlockYourself);
        if (await users.FindAsync(id, cancellationToken) is null)
            return ErrorResponses.Result(MessagingTexts.UserNotFound);
        await store.SetBlockAsync(caller.Id, id, blocked, cancellationToken);
        return TypedResults.NoContent();
    }
}
