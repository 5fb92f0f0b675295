using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Waitlist.Features.Messaging.Realtime;

/// <summary>
/// Documents the hub at <see cref="MessagingHub.Path"/>, which the generator leaves out (SignalR maps its own
/// endpoints): how to connect, the events it sends and the one it takes, and its refusals in the API's error format.
/// </summary>
internal sealed class RealtimeOpenApi : IOpenApiDocumentTransformer
{
    private const string ErrorSchema = "ApiError";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var operation = new OpenApiOperation
        {
            OperationId = "ConnectRealtime",
            Tags = new HashSet<OpenApiTagReference> { new(MessagingTexts.Tag, document) },
            Summary = MessagingTexts.RealtimeSummary,
            Description = MessagingTexts.RealtimeDescription,
            Responses = new OpenApiResponses
            {
                ["101"] = new OpenApiResponse { Description = MessagingTexts.RealtimeSwitchingProtocols },
                ["401"] = Error(document, "Unauthorized"),
                ["403"] = Error(document, "Forbidden"),
            },
        };
        document.Paths[MessagingHub.Path] = new OpenApiPathItem { Operations = new Dictionary<HttpMethod, OpenApiOperation> { [HttpMethod.Get] = operation } };
        return Task.CompletedTask;
    }

    private static OpenApiResponse Error(OpenApiDocument document, string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/json"] = new() { Schema = new OpenApiSchemaReference(ErrorSchema, document) },
        },
    };
}
