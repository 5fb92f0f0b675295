using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Validation;

namespace Waitlist.Features.Auth.Admin.ListUserSessions;

internal sealed class Endpoint : IEndpoint<AdminRoutes>
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/list-user-sessions", (UserIdRequest request, Handler handler, CancellationToken cancellationToken) => handler.HandleAsync(request, cancellationToken))
            .WithName("AdminListUserSessions")
            .WithSummary(AuthTexts.ListUserSessionsSummary)
            .Validate<UserIdRequest>()
            .AdminOnly(AuthTexts.NotAllowedToListSessions);
}
