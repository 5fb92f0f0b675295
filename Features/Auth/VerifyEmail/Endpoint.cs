using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Errors;
using Waitlist.Infrastructure.Validation;

namespace Waitlist.Features.Auth.VerifyEmail;

internal sealed class Endpoint : IEndpoint<AuthRoutes>
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/verify-email", ([AsParameters] Request request, Handler handler, CancellationToken cancellationToken) => handler.HandleAsync(request, cancellationToken))
            .WithName("VerifyEmail")
            .WithSummary(AuthTexts.VerifyEmailSummary)
            .WithDescription(AuthTexts.VerifyEmailDescription)
            .Validate<Request>()
            .ProducesErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
}
