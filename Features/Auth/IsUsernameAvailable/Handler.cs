namespace Waitlist.Features.Auth.IsUsernameAvailable;

internal sealed class Handler(AuthStore store) : IHandler
{
    public async Task<Ok<Response>> HandleAsync(Request request, CancellationToken cancellationToken) =>
        TypedResults.Ok(new Response(!await store.IsUsernameTakenAsync(request.Username!, cancellationToken)));
}
