using Waitlist.Features.Auth.SignIn;

namespace Waitlist.Features.Auth.Tokens.Login;

/// <summary>
/// The password check of every sign-in (<see cref="PasswordSignIn"/>), then a new login: an access token and the first
/// refresh token of a new family.
/// </summary>
internal sealed class Handler(DbScope db, PasswordSignIn signIn, AuthStore store, AccessTokens accessTokens) : IHandler
{
    public async Task<Results<Ok<TokenSuccess<Response>>, ErrorResult>> HandleAsync(Request request, HttpContext context, CancellationToken cancellationToken)
    {
        var check = await signIn.CheckAsync(request.ToCredentials(), TokenTexts.InvalidCredentials, cancellationToken);
        if (check.Error is { } error)
            return ErrorResponses.Result(error);

        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var user = await signIn.CompleteAsync(check, cancellationToken);
        var refreshToken = await store.CreateRefreshTokenAsync(user.Id, familyId: AuthIds.New(), cancellationToken);
        var accessToken = await accessTokens.IssueAsync(user, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        TokenResponses.ForbidCaching(context.Response);
        return TypedResults.Ok(TokenSuccess.Of(new Response(accessToken.Token, refreshToken, TokenResponses.Bearer, TokenResponses.ExpiresIn, user)));
    }
}
