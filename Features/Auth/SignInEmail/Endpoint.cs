using Microsoft.AspNetCore.Http.HttpResults;
using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Errors;
using Waitlist.Infrastructure.RateLimiting;
using Waitlist.Infrastructure.Validation;

namespace Waitlist.Features.Auth.SignInEmail;

public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/auth/sign-in/email", HandleAsync)
            .WithName("SignInEmail")
            .WithTags("Autenticación")
            .WithSummary("Iniciar sesión con correo y contraseña")
            .WithDescription("Abre una sesión (cookie better-auth.session_token). Con rememberMe: false la cookie dura lo que el navegador.")
            .Accepts<Request>("application/json")
            .Validate<Request>()
            .Produces<BetterAuthError>(StatusCodes.Status401Unauthorized)
            .Produces<BetterAuthError>(StatusCodes.Status403Forbidden)
            .Produces<BetterAuthError>(StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(RateLimitPolicies.AuthSignIn);

    private static Task<Results<Ok<SignedInResponse>, JsonHttpResult<BetterAuthError>>> HandleAsync(
        Request request, PasswordSignIn signIn, HttpContext context, CancellationToken cancellationToken) =>
        signIn.SignInAsync(PasswordSignIn.ByEmailSql, request.Email!, request.Password!, request.RememberMe ?? true,
            request.CallbackURL, AuthTexts.InvalidEmailOrPassword, context, cancellationToken);
}
