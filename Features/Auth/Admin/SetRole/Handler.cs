namespace Waitlist.Features.Auth.Admin.SetRole;

/// <summary>Changes the user's role; demoting the last admin who can sign in is refused.</summary>
internal sealed class Handler(DbScope db, AuthStore store) : IHandler
{
    public async Task<Results<Ok<UserResponse>, ErrorResult>> HandleAsync(Request request, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        if (request.Role != AuthRoles.Admin && !await store.AnotherAdminRemainsAsync(request.UserId!, cancellationToken))
            return ErrorResponses.Result(AuthTexts.LastAdmin);
        var user = await store.SetRoleAsync(request.UserId!, request.Role!, cancellationToken);
        if (user is null)
            return ErrorResponses.Result(AuthTexts.UserNotFound);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(new UserResponse(user));
    }
}
