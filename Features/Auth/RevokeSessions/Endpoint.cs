using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Errors;

namespace Waitlist.Features.Auth.RevokeSessions;

internal sealed class Endpoint : IEndpoint<AuthRoutes>
{
    public void Map(IEndpointRouteBuilder app)
    {
        Describe(app.MapPost("/revoke-sessions", (Handler handler, HttpContext context, CancellationToken cancellationToken) =>
                handler.HandleAsync(keepCurrent: false, context, cancellationToken))
            .WithName("RevokeSessions")
            .WithSummary(AuthTexts.RevokeSessionsSummary));
        Describe(app.MapPost("/revoke-other-sessions", (Handler handler, HttpContext context, CancellationToken cancellationToken) =>
                handler.HandleAsync(keepCurrent: true, context, cancellationToken))
            .WithName("RevokeOtherSessions")
            .WithSummary(AuthTexts.RevokeOtherSessionsSummary));
    }

    private static void Describe(RouteHandlerBuilder route) => route.RequireAuthorization().ProducesErrors(StatusCodes.Status401Unauthorized);
}
