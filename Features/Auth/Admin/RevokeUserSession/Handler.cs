namespace Waitlist.Features.Auth.Admin.RevokeUserSession;

internal sealed class Handler(AuthStore store) : IHandler
{
    public async Task<Ok<SuccessResponse>> HandleAsync(Request request, CancellationToken cancellationToken)
    {
        await store.DeleteAnySessionAsync(request.SessionToken!, cancellationToken);
        return TypedResults.Ok(new SuccessResponse(true));
    }
}
