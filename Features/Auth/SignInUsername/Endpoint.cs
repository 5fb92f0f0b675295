using Microsoft.AspNetCore.Http.HttpResults;
using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Errors;
using Waitlist.Infrastructure.RateLimiting;
using Waitlist.Infrastructure.Validation;

namespace Waitlist.Features.Auth.SignInUsername;

public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/auth/sign-in/username", HandleAsync)
            .WithName("SignInUsername")
            .WithTags("Autenticación")
            .WithSummary("Iniciar sesión con nombre de usuario y contraseña")
            .WithDescription("El nombre de usuario no distingue mayúsculas de minúsculas.")
            .Accepts<Request>("application/json")
            .Validate<Request>()
            .Produces<BetterAuthError>(StatusCodes.Status401Unauthorized)
            .Produces<BetterAuthError>(StatusCodes.Status403Forbidden)
            .Produces<BetterAuthError>(StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(RateLimitPolicies.AuthSignIn);

    private static Task<Results<Ok<SignedInResponse>, JsonHttpResult<BetterAuthError>>> HandleAsync(
        Request request, PasswordSignIn signIn, HttpContext context, CancellationToken cancellationToken) =>
        signIn.SignInAsync(PasswordSignIn.ByUsernameSql, request.Username!, request.Password!, request.RememberMe ?? true,
            request.CallbackURL, AuthTexts.InvalidUsernameOrPassword, context, cancellationToken);
}
