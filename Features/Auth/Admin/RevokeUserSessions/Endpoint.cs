using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Validation;

namespace Waitlist.Features.Auth.Admin.RevokeUserSessions;

internal sealed class Endpoint : IEndpoint<AdminRoutes>
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/revoke-user-sessions", (UserIdRequest request, Handler handler, CancellationToken cancellationToken) => handler.HandleAsync(request, cancellationToken))
            .WithName("AdminRevokeUserSessions")
            .WithSummary(AuthTexts.RevokeUserSessionsSummary)
            .Validate<UserIdRequest>()
            .AdminOnly(AuthTexts.NotAllowedToRevokeSessions);
}
