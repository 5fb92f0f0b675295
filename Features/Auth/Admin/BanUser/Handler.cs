namespace Waitlist.Features.Auth.Admin.BanUser;

/// <summary>Bans the user and ends their sessions, together; never the last admin who can sign in.</summary>
internal sealed class Handler(DbScope db, AuthStore store) : IHandler
{
    public async Task<Results<Ok<UserResponse>, ErrorResult>> HandleAsync(Request request, HttpContext context, CancellationToken cancellationToken)
    {
        if (request.UserId == context.RequiredSession().User.Id)
            return ErrorResponses.Result(AuthTexts.CannotBanYourself);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        if (!await store.AnotherAdminRemainsAsync(request.UserId!, cancellationToken))
            return ErrorResponses.Result(AuthTexts.LastAdmin);
        var user = await store.BanAsync(request.UserId!, request.BanReason, request.BanExpiresIn, cancellationToken);
        if (user is null)
            return ErrorResponses.Result(AuthTexts.UserNotFound);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(new UserResponse(user));
    }
}
