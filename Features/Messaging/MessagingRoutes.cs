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
        var api = app.MapGroup("/api").WithTags(MessagingTexts.Tag).RequireAuthorization().ProducesErrors(StatusCodes.Status401Unauthorized);

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

        api.MapGet("/conversations/{id}/messages", (string id, [AsParameters] ListMessages.Request request, ListMessages.Handler handler, HttpContext context,
                CancellationToken cancellationToken) => handler.HandleAsync(id, request, context, cancellationToken))
            .Describe("ListMessages", MessagingTexts.ListMessagesSummary, MessagingTexts.ListMessagesDescription)
            .ValidateRouteId("id", ConversationIds.IsWellFormed)
            .Validate<ListMessages.Request>()
            .ProducesErrors(StatusCodes.Status404NotFound);

        api.MapPost("/conversations/{id}/messages", (string id, SendMessage.Request request, SendMessage.Handler handler, HttpContext context,
                CancellationToken cancellationToken) => handler.HandleAsync(id, request, context, cancellationToken))
            .Describe("SendMessage", MessagingTexts.SendMessageSummary, MessagingTexts.SendMessageDescription)
            .ValidateRouteId("id", ConversationIds.IsWellFormed)
            .Validate<SendMessage.Request>()
            .ProducesErrors(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge,
                StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(MessagingModule.SendRateLimit);

        api.MapPost("/conversations/{id}/read", (string id, MarkRead.Request request, MarkRead.Handler handler, HttpContext context,
                CancellationToken cancellationToken) => handler.HandleAsync(id, request, context, cancellationToken))
            .Describe("MarkRead", MessagingTexts.MarkReadSummary, MessagingTexts.MarkReadDescription)
            .ValidateRouteId("id", ConversationIds.IsWellFormed)
            .Validate<MarkRead.Request>()
            .ProducesErrors(StatusCodes.Status404NotFound, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType);

        api.MapGet("/messages/unread-count", (GetUnreadCount.Handler handler, HttpContext context, CancellationToken cancellationToken) =>
                handler.HandleAsync(context, cancellationToken))
            .Describe("GetUnreadCount", MessagingTexts.UnreadCountSummary);

        api.MapPost("/users/{id}/block", (string id, Block.Handler handler, HttpContext context, CancellationToken cancellationToken) =>
                handler.HandleAsync(id, blocked: true, context, cancellationToken))
            .Describe("BlockUser", MessagingTexts.BlockUserSummary, MessagingTexts.BlockUserDescription)
            .ValidateRouteId("id", UserDirectory.IsWellFormedId)
            .ProducesErrors(StatusCodes.Status404NotFound);

        api.MapDelete("/users/{id}/block", (string id, Block.Handler handler, HttpContext context, CancellationToken cancellationToken) =>
                handler.HandleAsync(id, blocked: false, context, cancellationToken))
            .Describe("UnblockUser", MessagingTexts.UnblockUserSummary)
            .ValidateRouteId("id", UserDirectory.IsWellFormedId)
            .ProducesErrors(StatusCodes.Status404NotFound);

        app.MapHub<MessagingHub>(MessagingHub.Path).RequireAuthorization().RequireTrustedOrigin();
    }
}
