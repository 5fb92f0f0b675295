namespace Waitlist.Features.Auth.Admin.RevokeUserSessions;

internal sealed class Handler(AuthStore store) : IHandler
{
    public async Task<Ok<SuccessResponse>> HandleAsync(UserIdRequest request, CancellationToken cancellationToken)
    {
        await store.DeleteSessionsAsync(request.UserId!, keepSessionId: null, cancellationToken);
        return TypedResults.Ok(new SuccessResponse(true));
    }
}
