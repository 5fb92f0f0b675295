using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Waitlist.Features.Auth.Callers;

/// <summary>
/// Documents the credentials a caller may present (the session cookie, an API key, an access token) as security
/// schemes, and on every operation that needs a caller, which of them it accepts (<see cref="AcceptedCredentials"/>):
/// any one of the three unless the endpoint narrows it.
/// </summary>
internal sealed class CallerOpenApi : IOpenApiDocumentTransformer
{
    private const string SessionCookie = "sessionCookie";
    private const string ApiKeyHeader = "apiKey";
    private const string Bearer = "bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SessionCookie] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Cookie, Name = "better-auth.session_token",
            Description = AuthTexts.SessionCookieSchemeDescription,
        };
        document.Components.SecuritySchemes[ApiKeyHeader] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = CallerSchemes.ApiKeyHeader,
            Description = AuthTexts.ApiKeySchemeDescription,
        };
        document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "JWT",
            Description = AuthTexts.BearerSchemeDescription,
        };

        foreach (var description in context.DescriptionGroups.SelectMany(group => group.Items))
        {
            var metadata = description.ActionDescriptor.EndpointMetadata;
            if (!metadata.OfType<IAuthorizeData>().Any() || metadata.OfType<IAllowAnonymous>().Any()
                || description.HttpMethod is null
                || !document.Paths.TryGetValue("/" + description.RelativePath?.TrimEnd('/'), out var path)
                || path.Operations?.GetValueOrDefault(HttpMethod.Parse(description.HttpMethod)) is not { } operation)
                continue;
            var accepted = metadata.OfType<CredentialPolicy>().LastOrDefault()?.Accepted ?? AcceptedCredentials.Any;
            string[] schemes = accepted switch
            {
                AcceptedCredentials.Session => [SessionCookie],
                AcceptedCredentials.AccessToken => [Bearer],
                _ => [SessionCookie, ApiKeyHeader, Bearer],
            };
            operation.Security = schemes
                .Select(scheme => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, document)] = [] })
                .ToList();
        }
        return Task.CompletedTask;
    }
}
