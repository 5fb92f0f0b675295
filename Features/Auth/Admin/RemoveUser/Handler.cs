namespace Waitlist.Features.Auth.Admin.RemoveUser;

/// <summary>Deletes the user; their sessions and tokens go with the row. Never the last admin who can sign in.</summary>
internal sealed class Handler(DbScope db, AuthStore store) : IHandler
{
    public Task<Results<Ok<SuccessResponse>, ErrorResult>> HandleAsync(UserIdRequest request, HttpContext context, CancellationToken cancellationToken) =>
        UserTakedown.RunAsync(db, store, request.UserId!, context, AuthTexts.CannotRemoveYourself, async token =>
            await store.DeleteUserAsync(request.UserId!, token) ? new SuccessResponse(true) : null,
            cancellationToken);
}
