using Waitlist.Features.Auth.Callers;

namespace Waitlist.Features.Auth.ApiKeys;

/// <summary>
/// Better Auth's api-key plugin, /api/auth/api-key/*, mapped by <see cref="AuthRoutes"/> inside its group (Better Auth's
/// error format, the auth rate limit): the caller's own keys. Creating and changing a key needs the session cookie, as
/// every credential change does; listing and reading one's keys accept a key or an access token too.
/// </summary>
internal static class ApiKeyRoutes
{
    public static void Map(RouteGroupBuilder group)
    {
        var keys = group.WithTags(AuthTexts.ApiKeysTag);

        keys.MapPost("/create", (CreateApiKey.Request request, CreateApiKey.Handler handler, HttpContext context, CancellationToken cancellationToken) =>
                handler.HandleAsync(request, context, cancellationToken))
            .Describe("ApiKeyCreate", AuthTexts.CreateApiKeySummary, AuthTexts.CreateApiKeyDescription)
            .RequireSession().UnauthorizedAs(AuthTexts.UnauthorizedSession).Validate<CreateApiKey.Request>();

        keys.MapGet("/list", ([AsParameters] ListApiKeys.Request request, ListApiKeys.Handler handler, HttpContext context, CancellationToken cancellationToken) =>
                handler.HandleAsync(request, context, cancellationToken))
            .Describe("ApiKeyList", AuthTexts.ListApiKeysSummary, AuthTexts.ListApiKeysDescription)
            .RequireSession().AcceptOnly(AcceptedCredentials.Any).Validate<ListApiKeys.Request>();

        keys.MapGet("/get", ([AsParameters] GetApiKey.Request request, GetApiKey.Handler handler, HttpContext context, CancellationToken cancellationToken) =>
                handler.HandleAsync(request, context, cancellationToken))
            .Describe("ApiKeyGet", AuthTexts.GetApiKeySummary)
            .RequireSession().AcceptOnly(AcceptedCredentials.Any).Validate<GetApiKey.Request>().ProducesErrors(StatusCodes.Status404NotFound);

        keys.MapPost("/update", (UpdateApiKey.Request request, UpdateApiKey.Handler handler, HttpContext context, CancellationToken cancellationToken) =>
                handler.HandleAsync(request, context, cancellationToken))
            .Describe("ApiKeyUpdate", AuthTexts.UpdateApiKeySummary, AuthTexts.UpdateApiKeyDescription)
            .RequireSession().UnauthorizedAs(AuthTexts.UnauthorizedSession).Validate<UpdateApiKey.Request>().ProducesErrors(StatusCodes.Status404NotFound);

        keys.MapPost("/delete", (DeleteApiKey.Request request, DeleteApiKey.Handler handler, HttpContext context, CancellationToken cancellationToken) =>
                handler.HandleAsync(request, context, cancellationToken))
            .Describe("ApiKeyDelete", AuthTexts.DeleteApiKeySummary)
            .RequireSession().Validate<DeleteApiKey.Request>().ProducesErrors(StatusCodes.Status404NotFound);
    }
}
