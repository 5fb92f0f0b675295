using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Errors;

namespace Waitlist.Features.Auth.ListSessions;

internal sealed class Endpoint : IEndpoint<AuthRoutes>
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/list-sessions", (Handler handler, HttpContext context, CancellationToken cancellationToken) => handler.HandleAsync(context, cancellationToken))
            .WithName("ListSessions")
            .WithSummary(AuthTexts.ListSessionsSummary)
            .WithDescription(AuthTexts.ListSessionsDescription)
            .RequireAuthorization()
            .ProducesErrors(StatusCodes.Status401Unauthorized);
}
