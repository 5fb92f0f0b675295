using Waitlist.Infrastructure.Endpoints;

namespace Waitlist.Features.Auth.GetSession;

internal sealed class Endpoint : IEndpoint<AuthRoutes>
{
    // Not rate limited: the dashboard asks on every page.
    public void Map(IEndpointRouteBuilder app)
    {
        foreach (var (path, name) in new[] { ("/get-session", "GetSession"), ("/session", "Session") })
            app.MapGet(path, (Handler handler, HttpContext context, CancellationToken cancellationToken) => handler.HandleAsync(context, cancellationToken))
                .WithName(name)
                .WithSummary(AuthTexts.GetSessionSummary)
                .WithDescription(AuthTexts.GetSessionDescription)
                .DisableRateLimiting();
    }
}
