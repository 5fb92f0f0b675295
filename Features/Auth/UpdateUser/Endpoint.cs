using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Errors;
using Waitlist.Infrastructure.Validation;

namespace Waitlist.Features.Auth.UpdateUser;

internal sealed class Endpoint : IEndpoint<AuthRoutes>
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/update-user", (Request request, Handler handler, HttpContext context, CancellationToken cancellationToken) =>
                handler.HandleAsync(request, context, cancellationToken))
            .WithName("UpdateUser")
            .WithSummary(AuthTexts.UpdateUserSummary)
            .Validate<Request>()
            .RequireAuthorization()
            .ProducesErrors(StatusCodes.Status401Unauthorized);
}
