using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Errors;
using Waitlist.Infrastructure.Validation;

namespace Waitlist.Features.Auth.SignIn;

internal sealed class Endpoint : IEndpoint<AuthRoutes>
{
    public void Map(IEndpointRouteBuilder app)
    {
        Describe(app.MapPost("/sign-in/email", (EmailRequest request, Handler handler, HttpContext context, CancellationToken cancellationToken) =>
                handler.HandleAsync(request.ToCredentials(), context, cancellationToken))
            .WithName("SignInEmail")
            .WithSummary(AuthTexts.SignInEmailSummary)
            .WithDescription(AuthTexts.SignInEmailDescription)
            .Validate<EmailRequest>());

        Describe(app.MapPost("/sign-in/username", (UsernameRequest request, Handler handler, HttpContext context, CancellationToken cancellationToken) =>
                handler.HandleAsync(request.ToCredentials(), context, cancellationToken))
            .WithName("SignInUsername")
            .WithSummary(AuthTexts.SignInUsernameSummary)
            .WithDescription(AuthTexts.SignInUsernameDescription)
            .Validate<UsernameRequest>());
    }

    private static void Describe(RouteHandlerBuilder route) => route
        .ProducesErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden)
        .RequireRateLimiting(AuthRateLimits.SignIn);
}
