namespace Waitlist.Features.Auth.Admin.ListUserSessions;

/// <summary>The user's live sessions, each shown by its id (only hashes of tokens are stored).</summary>
internal sealed class Handler(AuthStore store) : IHandler
{
    public async Task<Ok<Response>> HandleAsync(UserIdRequest request, CancellationToken cancellationToken) =>
        TypedResults.Ok(new Response((await store.ListSessionsAsync(request.UserId!, cancellationToken)).Select(s => SessionView.From(s, s.Id)).ToList()));
}
