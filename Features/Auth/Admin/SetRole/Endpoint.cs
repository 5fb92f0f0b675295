using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Errors;
using Waitlist.Infrastructure.Validation;

namespace Waitlist.Features.Auth.Admin.SetRole;

internal sealed class Endpoint : IEndpoint<AdminRoutes>
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/set-role", (Request request, Handler handler, CancellationToken cancellationToken) => handler.HandleAsync(request, cancellationToken))
            .WithName("AdminSetRole")
            .WithSummary(AuthTexts.SetRoleSummary)
            .Validate<Request>()
            .AdminOnly(AuthTexts.NotAllowedToChangeRole)
            .ProducesErrors(StatusCodes.Status404NotFound);
}
