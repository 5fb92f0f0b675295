using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Errors;
using Waitlist.Infrastructure.Validation;

namespace Waitlist.Features.Auth.RevokeSession;

internal sealed class Endpoint : IEndpoint<AuthRoutes>
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/revoke-session", (Request request, Handler handler, HttpContext context, CancellationToken cancellationToken) =>
                handler.HandleAsync(request, context, cancellationToken))
            .WithName("RevokeSession")
            .WithSummary(AuthTexts.RevokeSessionSummary)
            .Validate<Request>()
            .RequireAuthorization()
            .ProducesErrors(StatusCodes.Status401Unauthorized);
}
