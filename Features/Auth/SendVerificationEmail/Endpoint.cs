using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Errors;
using Waitlist.Infrastructure.Validation;

namespace Waitlist.Features.Auth.SendVerificationEmail;

internal sealed class Endpoint : IEndpoint<AuthRoutes>
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/send-verification-email", (Request request, Handler handler, CancellationToken cancellationToken) => handler.HandleAsync(request, cancellationToken))
            .WithName("SendVerificationEmail")
            .WithSummary(AuthTexts.SendVerificationEmailSummary)
            .WithDescription(AuthTexts.SendVerificationEmailDescription)
            .Validate<Request>()
            .ProducesErrors(StatusCodes.Status403Forbidden)
            .RequireRateLimiting(AuthRateLimits.PasswordReset);
}
