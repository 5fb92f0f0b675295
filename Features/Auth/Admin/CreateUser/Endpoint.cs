using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Validation;

namespace Waitlist.Features.Auth.Admin.CreateUser;

internal sealed class Endpoint : IEndpoint<AdminRoutes>
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/create-user", (Request request, Handler handler, CancellationToken cancellationToken) => handler.HandleAsync(request, cancellationToken))
            .WithName("AdminCreateUser")
            .WithSummary(AuthTexts.CreateUserSummary)
            .WithDescription(AuthTexts.CreateUserDescription)
            .Validate<Request>()
            .AdminOnly(AuthTexts.NotAllowedToCreateUsers);
}
