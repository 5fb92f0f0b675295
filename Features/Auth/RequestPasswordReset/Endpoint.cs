using Microsoft.AspNetCore.Http.HttpResults;
using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Errors;
using Waitlist.Infrastructure.RateLimiting;
using Waitlist.Infrastructure.Validation;

namespace Waitlist.Features.Auth.RequestPasswordReset;

public sealed class Endpoint : IEndpoint
{
    // forget-password is the name the seeds document; Better Auth 1.7 renamed it request-password-reset.
    public void Map(IEndpointRouteBuilder app)
    {
        foreach (var (path, name) in new[] { ("/api/auth/request-password-reset", "RequestPasswordReset"), ("/api/auth/forget-password", "ForgetPassword") })
            app.MapPost(path, HandleAsync)
                .WithName(name)
                .WithTags("Autenticación")
                .WithSummary("Pedir un enlace para restablecer la contraseña")
                .WithDescription("Responde lo mismo exista o no el correo. El enlace (redirectTo?token=...) sirve una vez y caduca en una hora.")
                .Accepts<Request>("application/json")
                .Validate<Request>()
                .Produces<BetterAuthError>(StatusCodes.Status403Forbidden)
                .Produces<BetterAuthError>(StatusCodes.Status429TooManyRequests)
                .RequireRateLimiting(RateLimitPolicies.AuthPasswordReset);
    }

    private static Task<Results<Ok<Response>, JsonHttpResult<BetterAuthError>>> HandleAsync(Request request, Handler handler, CancellationToken cancellationToken) =>
        handler.HandleAsync(request, cancellationToken);
}
