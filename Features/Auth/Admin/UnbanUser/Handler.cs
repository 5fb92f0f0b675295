namespace Waitlist.Features.Auth.Admin.UnbanUser;

internal sealed class Handler(AuthStore store) : IHandler
{
    public async Task<Results<Ok<UserResponse>, ErrorResult>> HandleAsync(UserIdRequest request, CancellationToken cancellationToken) =>
        await store.UnbanAsync(request.UserId!, cancellationToken) is { } user
            ? TypedResults.Ok(new UserResponse(user))
            : ErrorResponses.Result(AuthTexts.UserNotFound);
}
