using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Validation;

namespace Waitlist.Features.Auth.Admin.RevokeUserSession;

internal sealed class Endpoint : IEndpoint<AdminRoutes>
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/revoke-user-session", (Request request, Handler handler, CancellationToken cancellationToken) => handler.HandleAsync(request, cancellationToken))
            .WithName("AdminRevokeUserSession")
            .WithSummary(AuthTexts.RevokeUserSessionSummary)
            .Validate<Request>()
            .AdminOnly(AuthTexts.NotAllowedToRevokeSessions);
}
