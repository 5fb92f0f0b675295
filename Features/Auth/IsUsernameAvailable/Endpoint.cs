using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Validation;

namespace Waitlist.Features.Auth.IsUsernameAvailable;

internal sealed class Endpoint : IEndpoint<AuthRoutes>
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/is-username-available", (Request request, Handler handler, CancellationToken cancellationToken) => handler.HandleAsync(request, cancellationToken))
            .WithName("IsUsernameAvailable")
            .WithSummary(AuthTexts.IsUsernameAvailableSummary)
            .Validate<Request>();
}
