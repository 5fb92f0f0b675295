namespace Waitlist.Features.Auth.AdminViews.ViewUser;

internal sealed class Handler(AuthStore store) : IHandler
{
    public async Task<Results<Ok<AuthUser>, ErrorResult>> HandleAsync(string id, CancellationToken cancellationToken) =>
        await store.FindUserAsync(id, cancellationToken) is { } user ? TypedResults.Ok(user) : ErrorResponses.Result(AuthTexts.UserNotFound);
}
