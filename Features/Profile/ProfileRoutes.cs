using Microsoft.OpenApi;
using Microsoft.AspNetCore.Mvc;

namespace Waitlist.Features.Profile;

/// <summary>
/// The signed-in person's own account and profile (/api/user/me), others' public profiles (/api/profiles) and the
/// avatars' URLs (/api/avatars, open to anyone: an &lt;img&gt; on another site sends no session). Errors in the API's format.
/// </summary>
internal sealed class ProfileRoutes : IEndpoint
{
    public void Map(IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/user/me").WithTags(ProfileTexts.Tag).RequireSession();

        me.MapGet("", (GetMe.Handler handler, HttpContext context, CancellationToken cancellationToken) => handler.HandleAsync(context, cancellationToken))
            .Describe("GetMe", ProfileTexts.GetMeSummary, ProfileTexts.GetMeDescription);

        me.MapPatch("", (UpdateMe.Request request, UpdateMe.Handler handler, HttpContext context, CancellationToken cancellationToken) =>
                handler.HandleAsync(request, context, cancellationToken))
            .Describe("UpdateMe", ProfileTexts.UpdateMeSummary, ProfileTexts.UpdateMeDescription)
            .Validate<UpdateMe.Request>()
            .ProducesErrors(StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType);

        me.MapPut("/avatar", (UploadAvatar.Handler handler, HttpContext context, CancellationToken cancellationToken) => handler.HandleAsync(context, cancellationToken))
            .Describe("UploadAvatar", ProfileTexts.UploadAvatarSummary, ProfileTexts.UploadAvatarDescription)
            // Images are the one body above the API's default limit (Http:MaxRequestBodyBytes); routing applies this one.
            .WithMetadata(new RequestSizeLimitAttribute(UploadAvatar.Handler.MaxBytes))
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Content = UploadAvatar.Handler.ContentTypes.ToDictionary(type => type,
                        _ => new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } }),
                };
                return Task.CompletedTask;
            })
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType,
                StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(ProfileModule.AvatarRateLimit);

        me.MapGet("/sessions", ([AsParameters] ListMySessions.Request request, ListMySessions.Handler handler, HttpContext context, CancellationToken cancellationToken) =>
                handler.HandleAsync(request, context, cancellationToken))
            .Describe("ListMySessions", ProfileTexts.ListMySessionsSummary, ProfileTexts.ListMySessionsDescription)
            .Validate<ListMySessions.Request>();

        me.MapGet("/export", (ExportMyData.Handler handler, HttpContext context, CancellationToken cancellationToken) => handler.HandleAsync(context, cancellationToken))
            .Describe("ExportMyData", ProfileTexts.ExportMyDataSummary, ProfileTexts.ExportMyDataDescription)
            .Produces<ExportMyData.Response>(StatusCodes.Status200OK, "application/json");

        me.MapDelete("", ([FromBody] DeleteMyAccount.Request? request, DeleteMyAccount.Handler handler, HttpContext context, CancellationToken cancellationToken) =>
                handler.HandleAsync(request, context, cancellationToken))
            .Describe("DeleteMyAccount", ProfileTexts.DeleteMyAccountSummary, ProfileTexts.DeleteMyAccountDescription)
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict, StatusCodes.Status415UnsupportedMediaType,
                StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(ProfileModule.DeletionRateLimit);

        app.MapGet("/api/profiles/{userId}", (string userId, GetPublicProfile.Handler handler, CancellationToken cancellationToken) => handler.HandleAsync(userId, cancellationToken))
            .WithTags(ProfileTexts.Tag)
            .Describe("GetPublicProfile", ProfileTexts.GetPublicProfileSummary, ProfileTexts.GetPublicProfileDescription)
            .RequireSession()
            .ValidateRouteId("userId", UserDirectory.IsWellFormedId)
            .ProducesErrors(StatusCodes.Status404NotFound);

        app.MapGet("/api/avatars/{userId}/{hash}.jpg", (string userId, string hash, GetAvatar.Handler handler, HttpContext context, CancellationToken cancellationToken) =>
                handler.HandleAsync(userId, hash, context, cancellationToken))
            .WithTags(ProfileTexts.Tag)
            .Describe(GetAvatar.Handler.RouteName, ProfileTexts.GetAvatarSummary, ProfileTexts.GetAvatarDescription)
            .ValidateRouteId("userId", UserDirectory.IsWellFormedId)
            .ValidateRouteId("hash", GetAvatar.Handler.IsWellFormedHash)
            .Produces<Stream>(StatusCodes.Status200OK, "image/jpeg")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesErrors(StatusCodes.Status404NotFound);
    }
}
