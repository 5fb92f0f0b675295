using Waitlist.Features.Auth.Sessions;

namespace Waitlist.Features.Auth.SignOut;

/// <summary>Deletes the cookie's session and clears the cookies; without a session cookie, Better Auth's 400.</summary>
internal sealed class Handler(AuthStore store, SessionCookies cookies) : IHandler
{
    public async Task<Results<Ok<SuccessResponse>, ErrorResult>> HandleAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var token = cookies.ReadSessionToken(context.Request);
        cookies.Clear(context.Response);
        if (token is null)
            return ErrorResponses.Result(AuthTexts.FailedToGetSession);
        await store.DeleteSessionAsync(token, cancellationToken);
        return TypedResults.Ok(new SuccessResponse(true));
    }
}
