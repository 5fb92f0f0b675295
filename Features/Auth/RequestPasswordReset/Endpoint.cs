using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Errors;
using Waitlist.Infrastructure.Validation;

namespace Waitlist.Features.Auth.RequestPasswordReset;

internal sealed class Endpoint : IEndpoint<AuthRoutes>
{
    // forget-password is the name the seeds document; Better Auth 1.7 renamed it request-password-reset.
    public void Map(IEndpointRouteBuilder app)
    {
        foreach (var (path, name) in new[] { ("/request-password-reset", "RequestPasswordReset"), ("/forget-password", "ForgetPassword") })
            app.MapPost(path, (Request request, Handler handler, CancellationToken cancellationToken) => handler.HandleAsync(request, cancellationToken))
                .WithName(name)
                .WithSummary(AuthTexts.RequestPasswordResetSummary)
                .WithDescription(AuthTexts.RequestPasswordResetDescription)
                .Validate<Request>()
                .ProducesErrors(StatusCodes.Status403Forbidden)
                .RequireRateLimiting(AuthRateLimits.PasswordReset);
    }
}
