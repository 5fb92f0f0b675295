using Microsoft.AspNetCore.Http.HttpResults;
using Waitlist.Infrastructure.Auth;
using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Errors;
using Waitlist.Infrastructure.RateLimiting;

namespace Waitlist.Features.Auth.Admin.ListUsers;

public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/auth/admin/list-users", HandleAsync)
            .WithName("AdminListUsers")
            .WithTags("Administración de usuarios")
            .WithSummary("Listar usuarios (staff y admin)")
            .WithDescription("searchValue/searchField (email|name|username)/searchOperator (contains|starts_with|ends_with), " +
                "filterField/filterValue/filterOperator (eq|ne|lt|lte|gt|gte|contains), sortBy/sortDirection, limit (máx. 500)/offset.")
            .Produces<BetterAuthError>(StatusCodes.Status400BadRequest)
            .Produces<BetterAuthError>(StatusCodes.Status401Unauthorized)
            .Produces<BetterAuthError>(StatusCodes.Status403Forbidden)
            .RequireAuthorization(AuthPolicies.Staff)
            .ForbiddenAs(AuthTexts.NotAllowedToListUsers)
            .RequireRateLimiting(RateLimitPolicies.Auth);

    private static Task<Results<Ok<Response>, JsonHttpResult<BetterAuthError>>> HandleAsync([AsParameters] Request request, Handler handler, CancellationToken cancellationToken) =>
        handler.HandleAsync(request, cancellationToken);
}
