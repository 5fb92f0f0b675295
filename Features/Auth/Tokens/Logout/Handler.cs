namespace Waitlist.Features.Auth.Tokens.Logout;

/// <summary>
/// Ends a login of the caller: its refresh tokens (the family of the one presented) are deleted, and the access token
/// the request carried is revoked on every instance until it expires — in one transaction.
/// </summary>
internal sealed class Handler(DbScope db, AuthStore store) : IHandler
{
    public async Task<Results<Ok<TokenSuccess<object?>>, ErrorResult>> HandleAsync(RefreshTokenBody request, HttpContext context, CancellationToken cancellationToken)
    {
        var token = await store.FindRefreshTokenAsync(request.RefreshToken!, cancellationToken);
        if (token is null || token.UserId != context.RequiredUser().Id)
            return ErrorResponses.Result(TokenTexts.InvalidRefreshToken);

        var accessToken = context.Features.Get<CurrentAccessToken>()!;
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        await store.RevokeRefreshFamilyAsync(token.FamilyId, cancellationToken);
        await store.RevokeAccessTokenAsync(accessToken.Jti, accessToken.ExpiresAt, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(TokenSuccess.Of<object?>(null));
    }
}
