namespace Waitlist.Features.Waitlist;

/// <summary>
/// /api/waitlist: the marketing site's form and counter, and the links in the waitlist's emails. Anonymous; the form and
/// the links are limited per client address; errors in the API's contract.
/// </summary>
internal sealed class WaitlistRoutes : IEndpoint
{
    public void Map(IEndpointRouteBuilder app)
    {
        var waitlist = app.MapGroup("/api/waitlist").WithTags(WaitlistTexts.Tag);

        waitlist.MapPost("", (JoinWaitlist.Request request, JoinWaitlist.Handler handler, HttpContext context, CancellationToken cancellationToken) =>
                handler.HandleAsync(request, context, cancellationToken))
            .Describe("JoinWaitlist", WaitlistTexts.JoinSummary, WaitlistTexts.JoinDescription)
            .Validate<JoinWaitlist.Request>()
            .ProducesErrors(StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType,
                StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(WaitlistModule.JoinRateLimit);

        // Cheap and the same for everyone: cached here and by CDNs, never limited.
        waitlist.MapGet("/stats", (GetStats.Handler handler, HttpContext context) => handler.HandleAsync(context))
            .Describe("GetWaitlistStats", WaitlistTexts.StatsSummary, WaitlistTexts.StatsDescription);

        var links = waitlist.MapGroup("").RequireRateLimiting(WaitlistModule.LinksRateLimit).ProducesErrors(StatusCodes.Status429TooManyRequests);

        links.MapGet("/confirm", ([AsParameters] TokenRequest request, ConfirmEntry.Handler handler, CancellationToken cancellationToken) =>
                handler.HandleAsync(request, cancellationToken))
            .Describe("ConfirmWaitlistEntry", WaitlistTexts.ConfirmSummary, WaitlistTexts.ConfirmDescription)
            .Produces(StatusCodes.Status302Found);

        links.MapGet("/me", ([AsParameters] TokenRequest request, GetMyPlace.Handler handler, HttpContext context, CancellationToken cancellationToken) =>
                handler.HandleAsync(request, context, cancellationToken))
            .Describe("GetMyWaitlistPlace", WaitlistTexts.MeSummary, WaitlistTexts.MeDescription)
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        links.MapGet("/unsubscribe", ([AsParameters] TokenRequest request, Unsubscribe.Handler handler, CancellationToken cancellationToken) =>
                handler.HandleAsync(request, leave: false, cancellationToken))
            .Describe("WaitlistUnsubscribePage", WaitlistTexts.UnsubscribePageSummary, WaitlistTexts.UnsubscribePageDescription)
            .Produces(StatusCodes.Status400BadRequest, contentType: "text/html");

        links.MapPost("/unsubscribe", ([AsParameters] TokenRequest request, Unsubscribe.Handler handler, CancellationToken cancellationToken) =>
                handler.HandleAsync(request, leave: true, cancellationToken))
            .Describe("WaitlistUnsubscribe", WaitlistTexts.UnsubscribeSummary, WaitlistTexts.UnsubscribeDescription)
            .Produces(StatusCodes.Status400BadRequest, contentType: "text/html");
    }
}
