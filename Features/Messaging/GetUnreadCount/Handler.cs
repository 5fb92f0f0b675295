namespace Waitlist.Features.Messaging.GetUnreadCount;

/// <summary>The caller's unread messages, for the dashboard's badge (which <c>unread.changed</c> then keeps current).</summary>
internal sealed class Handler(MessagingStore store) : IHandler
{
    public async Task<Ok<Response>> HandleAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var caller = context.RequiredUser();
        var counts = await store.UnreadCountsAsync([caller.Id], cancellationToken);
        return TypedResults.Ok(new Response(counts[caller.Id]));
    }
}
