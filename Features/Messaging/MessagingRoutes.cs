using Waitlist.Features.Messaging.Realtime;

namespace Waitlist.Features.Messaging;

/// <summary>
/// Conversations and messages between signed-in people (/api/conversations, /api/messages), blocks (/api/users/{id}/block)
/// and the real-time hub (/api/realtime). Errors in the API's format; a conversation the caller is not in is a 404.
/// </summary>
internal sealed class MessagingRoutes : IEndpoint
{
    public void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags(MessagingTexts.Tag).RequireSession();

        api.MapPost("/conversations", (StartConversation.Request request, StartConversation.Handler handler, HttpContext context, CancellationToken cancellationToken) =>
                handler.HandleAsync(request, context, cancellationToken))
            .Describe("StartConversation", MessagingTexts.StartConversationSummary, MessagingTexts.StartConversationDescription)
            .Validate<StartConversation.Request>()
            .ProducesErrors(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status413PayloadTooLarge,
                StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(MessagingModule.SendRateLimit);

        api.MapGet("/conversations", ([AsParameters] ListConversations.Request request, ListConversations.Handler handler, HttpContext context,
                CancellationToken cancellationToken) => handler.HandleAsync(request, context, cancellationToken))
            .Describe("ListConversations", MessagingTexts.ListConversationsSummary, MessagingTexts.ListConversationsDescription)
            .Validate<ListConversations.Request>();

        // A conversation's routes: its id is checked before any lookup, and one the caller is not in is a 404.
        var conversation = api.MapGroup("/conversations/{id}").ValidateRouteId("id", ConversationIds.IsWellFormed).ProducesErrors(StatusCodes.Status404NotFound);

        conversation.MapGet("/messages", (string id, [AsParameters] ListMessages.Request request, ListMessages.Handler handler, HttpContext context,
                CancellationToken cancellationToken) => handler.HandleAsync(id, request, context, cancellationToken))
            .Describe("ListMessages", MessagingTexts.ListMessagesSummary, MessagingTexts.ListMessagesDescription)
            .Validate<ListMessages.Request>();

        conversation.MapPost("/messages", (string id, SendMessage.Request request, SendMessage.Handler handler, HttpContext context,
                CancellationToken cancellationToken) => handler.HandleAsync(id, request, context, cancellationToken))
            .Describe("SendMessage", MessagingTexts.SendMessageSummary, MessagingTexts.SendMessageDescription)
            .Validate<SendMessage.Request>()
            .ProducesErrors(StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge,
                StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(MessagingModule.SendRateLimit);

        conversation.MapPost("/read", (string id, MarkRead.Request request, MarkRead.Handler handler, HttpContext context,
                CancellationToken cancellationToken) => handler.HandleAsync(id, request, context, cancellationToken))
            .Describe("MarkRead", MessagingTexts.MarkReadSummary, MessagingTexts.MarkReadDescription)
            .Validate<MarkRead.Request>()
            .ProducesErrors(StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType);

        api.MapGet("/messages/unread-count", (GetUnreadCount.Handler handler, HttpContext context, CancellationToken cancellationToken) =>
                handler.HandleAsync(context, cancellationToken))
            .Describe("GetUnreadCount", MessagingTexts.UnreadCountSummary);

        // Blocking and unblocking someone: a user who does not exist is a 404.
        var block = api.MapGroup("/users/{id}/block").ValidateRouteId("id", UserDirectory.IsWellFormedId).ProducesErrors(StatusCodes.Status404NotFound);
        block.MapPost("", (string id, Block.Handler handler, HttpContext context, CancellationToken cancellationToken) =>
                handler.HandleAsync(id, blocked: true, context, cancellationToken))
            .Describe("BlockUser", MessagingTexts.BlockUserSummary, MessagingTexts.BlockUserDescription);

        block.MapDelete("", (string id, Block.Handler handler, HttpContext context, CancellationToken cancellationToken) =>
                handler.HandleAsync(id, blocked: false, context, cancellationToken))
            .Describe("UnblockUser", MessagingTexts.UnblockUserSummary);

        app.MapHub<MessagingHub>(MessagingHub.Path).RequireAuthorization().RequireTrustedOrigin();
    }
}
