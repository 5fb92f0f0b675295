using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Errors;

namespace Waitlist.Features.Auth.Admin.ListUsers;

internal sealed class Endpoint : IEndpoint<AdminRoutes>
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/list-users", ([AsParameters] Request request, Handler handler, CancellationToken cancellationToken) => handler.HandleAsync(request, cancellationToken))
            .WithName("AdminListUsers")
            .WithSummary(AuthTexts.ListUsersSummary)
            .WithDescription(AuthTexts.ListUsersDescription)
            .RequireAuthorization(AuthPolicies.Staff)
            .ForbiddenAs(AuthTexts.NotAllowedToListUsers)
            .ProducesErrors(StatusCodes.Status400BadRequest);
}
