using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Waitlist.Features.Auth.Callers;

namespace Waitlist.Features.Auth.Tokens;

/// <summary>
/// What the access-token scheme adds to the library's validation: why a token was refused (TOKEN_EXPIRED with
/// <c>expired_at</c>, or INVALID_TOKEN), the revocation list (<see cref="AuthStore.IsAccessTokenRevokedAsync"/>), and
/// the account the token names, read (or taken from <see cref="AccountCache"/>) so that a ban or a new role holds at
/// once and the caller gets the same claims and <see cref="AuthUser"/> feature as with any other scheme.
/// </summary>
internal sealed class AccessTokenEvents(AuthStore store, TimeProvider time) : JwtBearerEvents
{
    public override Task AuthenticationFailed(AuthenticationFailedContext context)
    {
        context.HttpContext.Features.Set(context.Exception is SecurityTokenExpiredException expired
            ? new RefusedCredential(TokenTexts.TokenExpired, new ErrorFacts { ["expired_at"] = DateTime.SpecifyKind(expired.Expires, DateTimeKind.Utc) })
            : new RefusedCredential(TokenTexts.InvalidToken));
        return Task.CompletedTask;
    }

    public override async Task TokenValidated(TokenValidatedContext context)
    {
        var token = (JsonWebToken)context.SecurityToken;
        var cancellationToken = context.HttpContext.RequestAborted;
        if (string.IsNullOrEmpty(token.Id) || string.IsNullOrEmpty(token.Subject))
        {
            Refuse(context, TokenTexts.InvalidToken);
            return;
        }
        if (await store.IsAccessTokenRevokedAsync(token.Id, cancellationToken))
        {
            Refuse(context, TokenTexts.RevokedToken);
            return;
        }
        var user = await store.FindTokenAccountAsync(token.Subject, CanComeIn, cancellationToken);
        if (user is null || !CanComeIn(user))
        {
            Refuse(context, TokenTexts.AccountUnavailable);
            return;
        }
        context.Principal = CallerSchemes.Principal(user, CallerSchemes.AccessToken, new Claim(CallerSchemes.TokenIdClaim, token.Id));
        context.HttpContext.Features.Set(user);
        context.HttpContext.Features.Set(new CurrentAccessToken(token.Id, new DateTimeOffset(DateTime.SpecifyKind(token.ValidTo, DateTimeKind.Utc))));
    }

    private bool CanComeIn(AuthUser user) => !user.IsBannedAt(time.GetUtcNow().UtcDateTime);

    private static void Refuse(TokenValidatedContext context, ErrorKind kind)
    {
        context.HttpContext.Features.Set(new RefusedCredential(kind));
        context.Fail(kind.Code);
    }
}
