using Waitlist.Infrastructure.Endpoints;

namespace Waitlist.Features.Auth.UnknownPath;

/// <summary>
/// Any other request under /api/auth, counted against the auth limit like every auth call, so probing for endpoints
/// is throttled too. Not in the OpenAPI document: it describes no operation.
/// </summary>
internal sealed class Endpoint : IEndpoint<AuthRoutes>
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapFallback("/{**path}", (Handler handler, HttpContext context) => handler.Handle(context))
            .ExcludeFromDescription();
}
