using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Errors;
using Waitlist.Infrastructure.Validation;

namespace Waitlist.Features.Auth.Admin.RemoveUser;

internal sealed class Endpoint : IEndpoint<AdminRoutes>
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/remove-user", (UserIdRequest request, Handler handler, HttpContext context, CancellationToken cancellationToken) =>
                handler.HandleAsync(request, context, cancellationToken))
            .WithName("AdminRemoveUser")
            .WithSummary(AuthTexts.RemoveUserSummary)
            .Validate<UserIdRequest>()
            .AdminOnly(AuthTexts.NotAllowedToDeleteUsers)
            .ProducesErrors(StatusCodes.Status404NotFound);
}
