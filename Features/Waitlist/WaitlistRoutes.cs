using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Errors;
using Waitlist.Infrastructure.Validation;

namespace Waitlist.Features.Waitlist;

/// <summary>/api/waitlist: the marketing site's form. Anonymous, limited per client address, errors in the API's contract.</summary>
internal sealed class WaitlistRoutes : IEndpoint
{
    public void Map(IEndpointRouteBuilder app)
    {
        var waitlist = app.MapGroup("/api/waitlist").WithTags(WaitlistTexts.Tag);

        waitlist.MapPost("", (JoinWaitlist.Request request, JoinWaitlist.Handler handler, CancellationToken cancellationToken) =>
                handler.HandleAsync(request, cancellationToken))
            .Describe("JoinWaitlist", WaitlistTexts.JoinSummary, WaitlistTexts.JoinDescription)
            .Validate<JoinWaitlist.Request>()
            .ProducesErrors(StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType,
                StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(WaitlistModule.JoinRateLimit);
    }
}
