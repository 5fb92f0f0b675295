namespace Waitlist.Features.Auth.AdminViews.ViewSession;

internal sealed class Handler(AuthStore store) : IHandler
{
    public async Task<Results<Ok<AuthSession>, ErrorResult>> HandleAsync(string id, CancellationToken cancellationToken) =>
        await store.FindSessionByIdAsync(id, cancellationToken) is { } session ? TypedResults.Ok(session) : ErrorResponses.Result(AuthTexts.SessionNotFound);
}
