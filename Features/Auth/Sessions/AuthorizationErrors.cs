using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Waitlist.Infrastructure.Errors;

namespace Waitlist.Features.Auth.Sessions;

/// <summary>
/// Authorization's 401 and 403 with Spanish bodies in the endpoint's error format: 401 UNAUTHORIZED without a session,
/// 403 FORBIDDEN — or the endpoint's own <see cref="ForbiddenError"/> — without the role. A request that carried a
/// stale session cookie also gets it cleared.
/// </summary>
internal sealed class AuthorizationErrors(SessionCookies cookies) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged)
        {
            if (context.Features.Get<StaleSessionCookie>() is not null)
                cookies.Clear(context.Response);
            return ErrorResponses.WriteAsync(context, CommonTexts.Unauthorized);
        }
        if (authorizeResult.Forbidden)
            return ErrorResponses.WriteAsync(context, context.GetEndpoint()?.Metadata.GetMetadata<ForbiddenError>()?.Kind ?? CommonTexts.Forbidden);
        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
