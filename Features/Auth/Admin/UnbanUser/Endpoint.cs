using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Errors;
using Waitlist.Infrastructure.Validation;

namespace Waitlist.Features.Auth.Admin.UnbanUser;

internal sealed class Endpoint : IEndpoint<AdminRoutes>
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/unban-user", (UserIdRequest request, Handler handler, CancellationToken cancellationToken) => handler.HandleAsync(request, cancellationToken))
            .WithName("AdminUnbanUser")
            .WithSummary(AuthTexts.UnbanUserSummary)
            .Validate<UserIdRequest>()
            .AdminOnly(AuthTexts.NotAllowedToBanUsers)
            .ProducesErrors(StatusCodes.Status404NotFound);
}
