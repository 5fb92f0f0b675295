using Microsoft.AspNetCore.Http.HttpResults;
using Waitlist.Infrastructure.Endpoints;

namespace Waitlist.Features.Auth.GetSession;

public sealed class Endpoint : IEndpoint
{
    // Not rate limited: the dashboard asks on every page, and the job-platform seed exempts it.
    public void Map(IEndpointRouteBuilder app)
    {
        foreach (var path in new[] { "/api/auth/get-session", "/api/auth/session" })
            app.MapGet(path, HandleAsync)
                .WithName(path.EndsWith("get-session", StringComparison.Ordinal) ? "GetSession" : "Session")
                .WithTags("Autenticación")
                .WithSummary("Sesión actual")
                .WithDescription("Devuelve { session, user } o null si no hay sesión. Renueva la sesión (7 días) cuando tiene más de un día.");
    }

    private static async Task<Results<Ok<Response>, ContentHttpResult>> HandleAsync(Handler handler, HttpContext context, CancellationToken cancellationToken)
    {
        var response = await handler.HandleAsync(context, cancellationToken);
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.Pragma = "no-cache";
        // Better Auth answers a JSON null, not an empty body, when there is no session.
        return response is null ? TypedResults.Content("null", "application/json") : TypedResults.Ok(response);
    }
}
