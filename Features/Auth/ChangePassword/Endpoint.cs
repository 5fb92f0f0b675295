using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Errors;
using Waitlist.Infrastructure.Validation;

namespace Waitlist.Features.Auth.ChangePassword;

internal sealed class Endpoint : IEndpoint<AuthRoutes>
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/change-password", (Request request, Handler handler, HttpContext context, CancellationToken cancellationToken) =>
                handler.HandleAsync(request, context, cancellationToken))
            .WithName("ChangePassword")
            .WithSummary(AuthTexts.ChangePasswordSummary)
            .WithDescription(AuthTexts.ChangePasswordDescription)
            .Validate<Request>()
            .RequireAuthorization()
            .ProducesErrors(StatusCodes.Status401Unauthorized);
}
