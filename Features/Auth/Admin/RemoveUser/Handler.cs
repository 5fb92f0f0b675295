namespace Waitlist.Features.Auth.Admin.RemoveUser;

/// <summary>Deletes the user; their sessions and tokens go with the row. Never the last admin who can sign in.</summary>
internal sealed class Handler(DbScope db, AuthStore store) : IHandler
{
    public async Task<Results<Ok<SuccessResponse>, ErrorResult>> HandleAsync(UserIdRequest request, HttpContext context, CancellationToken cancellationToken)
    {
        if (request.UserId == context.RequiredSession().User.Id)
            return ErrorResponses.Result(AuthTexts.CannotRemoveYourself);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        if (!await store.AnotherAdminRemainsAsync(request.UserId!, cancellationToken))
            return ErrorResponses.Result(AuthTexts.LastAdmin);
        if (!await store.DeleteUserAsync(request.UserId!, cancellationToken))
            return ErrorResponses.Result(AuthTexts.UserNotFound);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(new SuccessResponse(true));
    }
}
