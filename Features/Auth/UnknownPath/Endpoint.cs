using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Errors;
using Waitlist.Infrastructure.RateLimiting;

namespace Waitlist.Features.Auth.UnknownPath;

/// <summary>
/// Any other path under /api/auth is a 404, counted against the auth limit like every auth call, so probing for
/// endpoints is throttled too. Not in the OpenAPI document: it describes no operation.
/// </summary>
public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapFallback("/api/auth/{**path}", (HttpContext context) => ErrorResponses.WriteAsync(context, CommonErrors.NotFound))
            .ExcludeFromDescription()
            .RequireRateLimiting(RateLimitPolicies.Auth);
}
