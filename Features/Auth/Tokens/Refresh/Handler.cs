namespace Waitlist.Features.Auth.Tokens.Refresh;

/// <summary>
/// A new access token for a refresh token. Without rotation the refresh token keeps working for its 30 days; with
/// <c>Tokens:RotateRefreshTokens</c> it is retired and its successor answered. A retired token presented again — whatever
/// the setting says now — means two parties hold it: the whole login (its family) is revoked (OAuth 2.1 reuse detection).
/// </summary>
internal sealed class Handler(DbScope db, AuthStore store, AccessTokens accessTokens, TokenOptions options, TimeProvider time) : IHandler
{
    public async Task<Results<Ok<TokenSuccess<Response>>, ErrorResult>> HandleAsync(RefreshTokenBody request, HttpContext context, CancellationToken cancellationToken)
    {
        var token = await store.FindRefreshTokenAsync(request.RefreshToken!, cancellationToken);
        if (token is null)
            return ErrorResponses.Result(TokenTexts.InvalidRefreshToken);
        if (token.RotatedAt is not null)
        {
            await store.RevokeRefreshFamilyAsync(token.FamilyId, cancellationToken);
            return ErrorResponses.Result(TokenTexts.RefreshTokenReused);
        }
        var expiresAt = DateTime.SpecifyKind(token.ExpiresAt, DateTimeKind.Utc);
        if (expiresAt <= time.GetUtcNow().UtcDateTime)
            return ErrorResponses.Result(TokenTexts.RefreshTokenExpired, facts: new ErrorFacts { ["expired_at"] = expiresAt });
        var user = await store.FindUserAsync(token.UserId, cancellationToken);
        if (user is null || user.IsBannedAt(time.GetUtcNow().UtcDateTime))
            return ErrorResponses.Result(TokenTexts.AccountUnavailable);

        string? successor = null;
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        if (options.RotateRefreshTokens)
        {
            if (!await store.RotateRefreshTokenAsync(token.Id, cancellationToken))
            {
                // Another refresh rotated it since it was read: the same token presented twice.
                await store.RevokeRefreshFamilyAsync(token.FamilyId, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return ErrorResponses.Result(TokenTexts.RefreshTokenReused);
            }
            successor = await store.CreateRefreshTokenAsync(user.Id, token.FamilyId, cancellationToken);
        }
        var accessToken = await accessTokens.IssueAsync(user, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        TokenResponses.ForbidCaching(context.Response);
        return TypedResults.Ok(TokenSuccess.Of(new Response(accessToken.Token, TokenResponses.Bearer, TokenResponses.ExpiresIn, successor)));
    }
}
