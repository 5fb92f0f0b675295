using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Errors;

namespace Waitlist.Features.Auth.SignOut;

internal sealed class Endpoint : IEndpoint<AuthRoutes>
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/sign-out", (Handler handler, HttpContext context, CancellationToken cancellationToken) => handler.HandleAsync(context, cancellationToken))
            .WithName("SignOut")
            .WithSummary(AuthTexts.SignOutSummary)
            .WithDescription(AuthTexts.SignOutDescription)
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden);
}
