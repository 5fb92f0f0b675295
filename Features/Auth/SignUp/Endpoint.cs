using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Errors;
using Waitlist.Infrastructure.Validation;

namespace Waitlist.Features.Auth.SignUp;

internal sealed class Endpoint : IEndpoint<AuthRoutes>
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/sign-up/email", (Request request, Handler handler, HttpContext context, CancellationToken cancellationToken) =>
                handler.HandleAsync(request, context, cancellationToken))
            .WithName("SignUpEmail")
            .WithSummary(AuthTexts.SignUpSummary)
            .WithDescription(AuthTexts.SignUpDescription)
            .Validate<Request>()
            .ProducesErrors(StatusCodes.Status403Forbidden, StatusCodes.Status422UnprocessableEntity)
            .RequireRateLimiting(AuthRateLimits.SignUp);
}
