using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Errors;
using Waitlist.Infrastructure.Validation;

namespace Waitlist.Features.Auth.Admin.BanUser;

internal sealed class Endpoint : IEndpoint<AdminRoutes>
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/ban-user", (Request request, Handler handler, HttpContext context, CancellationToken cancellationToken) =>
                handler.HandleAsync(request, context, cancellationToken))
            .WithName("AdminBanUser")
            .WithSummary(AuthTexts.BanUserSummary)
            .Validate<Request>()
            .AdminOnly(AuthTexts.NotAllowedToBanUsers)
            .ProducesErrors(StatusCodes.Status404NotFound);
}
