using Microsoft.AspNetCore.Http.HttpResults;
using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Errors;
using Waitlist.Infrastructure.RateLimiting;
using Waitlist.Infrastructure.Validation;

namespace Waitlist.Features.Waitlist.JoinWaitlist;

public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/waitlist", HandleAsync)
            .WithName("JoinWaitlist")
            .WithTags("Lista de espera")
            .WithSummary("Apuntarse a la lista de espera")
            .WithDescription("Registra a un profesional científico o a una empresa para el acceso anticipado y le envía un correo de confirmación.")
            .Accepts<Request>("application/json")
            .Validate<Request>()
            .Produces<ApiError>(StatusCodes.Status409Conflict)
            .Produces<ApiError>(StatusCodes.Status413PayloadTooLarge)
            .Produces<ApiError>(StatusCodes.Status415UnsupportedMediaType)
            .Produces<ApiError>(StatusCodes.Status429TooManyRequests)
            .Produces<ApiError>(StatusCodes.Status503ServiceUnavailable)
            .RequireRateLimiting(RateLimitPolicies.Waitlist);

    private static async Task<Results<Created<Response>, JsonHttpResult<ApiError>>> HandleAsync(Request request, Handler handler, CancellationToken cancellationToken)
    {
        var created = await handler.HandleAsync(request, cancellationToken);
        return created is null
            ? ErrorResponses.Result(WaitlistTexts.EmailAlreadyRegistered)
            : TypedResults.Created((string?)null, created);
    }
}
