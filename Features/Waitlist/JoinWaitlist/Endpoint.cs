using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Errors;
using Waitlist.Infrastructure.Validation;

namespace Waitlist.Features.Waitlist.JoinWaitlist;

internal sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/waitlist", (Request request, Handler handler, CancellationToken cancellationToken) => handler.HandleAsync(request, cancellationToken))
            .WithName("JoinWaitlist")
            .WithTags(WaitlistTexts.Tag)
            .WithSummary(WaitlistTexts.JoinSummary)
            .WithDescription(WaitlistTexts.JoinDescription)
            .Validate<Request>()
            .ProducesErrors(StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType,
                StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(WaitlistModule.JoinRateLimit);
}
