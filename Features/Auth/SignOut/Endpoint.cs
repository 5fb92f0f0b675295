using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Waitlist.Infrastructure.Auth;
using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Errors;
using Waitlist.Infrastructure.RateLimiting;

namespace Waitlist.Features.Auth.SignOut;

public sealed class Endpoint : IEndpoint
{
    private const string DeleteSql = "DELETE FROM sessions WHERE token_hash = @Hash";

    public void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/auth/sign-out", HandleAsync)
            .WithName("SignOut")
            .WithTags("Autenticación")
            .WithSummary("Cerrar sesión")
            .WithDescription("Borra la sesión de la base de datos y la cookie.")
            .Produces<BetterAuthError>(StatusCodes.Status400BadRequest)
            .Produces<BetterAuthError>(StatusCodes.Status403Forbidden)
            .Produces<BetterAuthError>(StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(RateLimitPolicies.Auth);

    private static async Task<Results<Ok<SuccessResponse>, JsonHttpResult<BetterAuthError>>> HandleAsync(
        HttpContext context, SessionCookies cookies, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var token = cookies.ReadSessionToken(context.Request);
        cookies.Clear(context.Response);
        if (token is null)
            return AuthErrors.Result(AuthTexts.FailedToGetSession);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(DeleteSql, new { Hash = SessionCookies.Hash(token) }, cancellationToken: cancellationToken));
        return TypedResults.Ok(new SuccessResponse(true));
    }
}
