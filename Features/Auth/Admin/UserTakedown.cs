namespace Waitlist.Features.Auth.Admin;

/// <summary>
/// What banning and removing a user share: never the caller's own account, and never the last admin who can sign in,
/// checked in the transaction that then acts, so that two admins cannot take each other out at once.
/// </summary>
internal static class UserTakedown
{
    /// <param name="notYourself">The error when the caller names their own account.</param>
    /// <param name="act">Bans or removes the user in the transaction; null when there is no such user.</param>
    public static async Task<Results<Ok<TResponse>, ErrorResult>> RunAsync<TResponse>(
        DbScope db, AuthStore store, string userId, HttpContext context, ErrorKind notYourself,
        Func<CancellationToken, Task<TResponse?>> act, CancellationToken cancellationToken) where TResponse : class
    {
        if (userId == context.RequiredSession().User.Id)
            return ErrorResponses.Result(notYourself);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        if (!await store.AnotherAdminRemainsAsync(userId, cancellationToken))
            return ErrorResponses.Result(AuthTexts.LastAdmin);
        if (await act(cancellationToken) is not { } response)
            return ErrorResponses.Result(AuthTexts.UserNotFound);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(response);
    }
}
