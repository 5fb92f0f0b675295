using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;

namespace Waitlist.Infrastructure.OpenApi;

/// <summary>
/// The document at <c>/openapi/v1.json</c> and Swagger UI at <c>/swagger</c>. The generator's options (below) describe
/// every endpoint from its metadata; the document they generate is committed and served as it is (<see cref="PublishedDocument"/>).
/// </summary>
public static class OpenApiSetup
{
    public const string DocumentName = "v1";
    public const string DocumentPath = "/openapi/v1.json";
    public const string SwaggerUiPath = "/swagger";

    /// <summary>
    /// Long enough that a client polling the document mostly revalidates (a cheap 304), short enough that a
    /// deployment shows within minutes; the document is public, so shared caches may keep it too.
    /// </summary>
    public const string CacheControl = "public, max-age=300";

    public static IServiceCollection AddApiDocumentation(this IServiceCollection services) =>
        services.AddSingleton(_ => PublishedDocument.Load()).AddOpenApi(DocumentName, options =>
        {
            options.CreateSchemaReferenceId = SchemaName;
            options.AddSchemaTransformer((schema, context, _) =>
            {
                // The generator maps [MaxLength] and friends itself, but not [AllowedValues]: list them as the enum.
                if (context.JsonPropertyInfo?.AttributeProvider?.GetCustomAttributes(typeof(AllowedValuesAttribute), inherit: true) is [AllowedValuesAttribute allowed, ..])
                    schema.Enum = allowed.Values.Select(value => (JsonNode)JsonValue.Create(value?.ToString())!).ToList();
                return Task.CompletedTask;
            });
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Waitlist API";
                document.Info.Version = "v1";
                document.Info.Description = CommonTexts.ApiDescription;
                // The document describes the API wherever it is served from; a server URL would pin one host.
                document.Servers = [];
                return Task.CompletedTask;
            });
        })
        // After every feature's own transformers (the realtime hub's, the callers'), so that what they add is shared too.
        .PostConfigure<OpenApiOptions>(DocumentName, options => options.AddDocumentTransformer(SharedErrorResponses.ApplyAsync));

    /// <summary>
    /// A use case names its types Request and Response (or EmailRequest, for one of several); their schemas take the use
    /// case's name in front (SignUpRequest, SignInEmailRequest), so that two features never share a schema by accident.
    /// </summary>
    private static string? SchemaName(JsonTypeInfo info)
    {
        var type = info.Type;
        var useCase = type.Namespace?.Split('.') is ["Waitlist", "Features", _, .., var last] && type.Namespace.Split('.').Length > 3 ? last : null;
        return useCase is not null && (type.Name.EndsWith("Request", StringComparison.Ordinal) || type.Name.EndsWith("Response", StringComparison.Ordinal))
            && !type.Name.StartsWith(useCase, StringComparison.Ordinal)
            ? useCase + type.Name
            : OpenApiOptions.CreateDefaultSchemaReferenceId(info);
    }

    public static WebApplication UseApiDocumentation(this WebApplication app)
    {
        app.MapGet(DocumentPath, ServeDocumentAsync).ExcludeFromDescription().PublicContent();
        // Only its own paths pass through Swagger UI, which matches every request it sees against a pattern and its files.
        app.UseWhen(context => context.Request.Path.StartsWithSegments(SwaggerUiPath), swagger => swagger.UseSwaggerUI(options =>
        {
            options.SwaggerEndpoint(DocumentPath, "Waitlist API v1");
            options.RoutePrefix = SwaggerUiPath.TrimStart('/');
        }));
        return app;
    }

    private static async Task ServeDocumentAsync(HttpContext context, PublishedDocument document)
    {
        var response = context.Response;
        response.Headers.ETag = document.ETag;
        response.Headers.CacheControl = CacheControl;
        if (context.Request.IsNotModified(document.ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        response.ContentType = "application/json;charset=utf-8";
        response.ContentLength = document.Json.Length;
        await response.WriteInOnePieceAsync(document.Json, context.RequestAborted);
    }
}
