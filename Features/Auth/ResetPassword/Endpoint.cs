using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Validation;

namespace Waitlist.Features.Auth.ResetPassword;

internal sealed class Endpoint : IEndpoint<AuthRoutes>
{
    // Better Auth's GET /reset-password/{token} forwarder is left out on purpose: a token in the path would be written
    // to the request log. The emailed link goes straight to redirectTo?token=... instead.
    public void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/reset-password", (Request request, Handler handler, CancellationToken cancellationToken) => handler.HandleAsync(request, cancellationToken))
            .WithName("ResetPassword")
            .WithSummary(AuthTexts.ResetPasswordSummary)
            .WithDescription(AuthTexts.ResetPasswordDescription)
            .Validate<Request>()
            .RequireRateLimiting(AuthRateLimits.PasswordReset);
}
