using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Waitlist.Features.Cron;

/// <summary>Documents the bearer scheme of <c>/api/cron</c> and requires it on the cron operations only.</summary>
internal sealed class CronOpenApi : IOpenApiDocumentTransformer
{
    public const string SchemeName = "cronSecret";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = CronTexts.SecuritySchemeDescription,
        };

        if (document.Paths.TryGetValue(CronRoutes.Path, out var path) && path.Operations is not null)
        {
            foreach (var operation in path.Operations.Values)
                operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] }];
        }
        return Task.CompletedTask;
    }
}
