namespace Waitlist.Features.Auth.Admin.BanUser;

/// <summary>Bans the user and ends their sessions, together; never the last admin who can sign in.</summary>
internal sealed class Handler(DbScope db, AuthStore store) : IHandler
{
    public Task<Results<Ok<UserResponse>, ErrorResult>> HandleAsync(Request request, HttpContext context, CancellationToken cancellationToken) =>
        UserTakedown.RunAsync(db, store, request.UserId!, context, AuthTexts.CannotBanYourself, async token =>
            await store.BanAsync(request.UserId!, request.BanReason, request.BanExpiresIn, token) is { } user ? new UserResponse(user) : null,
            cancellationToken);
}
