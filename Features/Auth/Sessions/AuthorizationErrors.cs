using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using Waitlist.Features.Auth.Callers;
using Waitlist.Features.Auth.Tokens;

namespace Waitlist.Features.Auth.Sessions;

/// <summary>
/// Authorization's 401 and 403 with Spanish bodies in the endpoint's error format. Without a caller: why the credential
/// presented was refused (<see cref="RefusedCredential"/>: TOKEN_EXPIRED, KEY_DISABLED…), else the endpoint's own error
/// for a missing one (<see cref="UnauthorizedError"/>), else UNAUTHORIZED; a stale session cookie is cleared too. Without
/// the role: FORBIDDEN — or the endpoint's own <see cref="ForbiddenError"/> — with the role required and the caller's,
/// for the formats that tell them. A request that presents an access token hears all of this in the token API's format,
/// wherever it calls: that is where TOKEN_EXPIRED's <c>expired_at</c> and FORBIDDEN's roles are told.
/// </summary>
internal sealed class AuthorizationErrors(SessionCookies cookies) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        var endpoint = context.GetEndpoint();
        var format = CallerSchemes.Select(context) == CallerSchemes.AccessToken ? TokenErrorFormat.Instance : null;
        if (authorizeResult.Challenged)
        {
            if (context.Features.Get<StaleSessionCookie>() is not null)
                cookies.Clear(context.Response);
            if (context.Features.Get<RefusedCredential>() is { } refused)
                return ErrorResponses.WriteAsync(context, refused.Kind, facts: refused.Facts, format: format);
            return ErrorResponses.WriteAsync(context, endpoint?.Metadata.GetMetadata<UnauthorizedError>()?.Kind ?? CommonTexts.Unauthorized, format: format);
        }
        if (authorizeResult.Forbidden)
            return ErrorResponses.WriteAsync(context, endpoint?.Metadata.GetMetadata<ForbiddenError>()?.Kind ?? CommonTexts.Forbidden,
                facts: RoleFacts(policy, context), format: format);
        return _default.HandleAsync(next, context, policy, authorizeResult);
    }

    /// <summary>The least role the policy admits (<see cref="AuthRoles.Team"/> lists the lower first) and the caller's.</summary>
    private static ErrorFacts? RoleFacts(AuthorizationPolicy policy, HttpContext context) =>
        policy.Requirements.OfType<RolesAuthorizationRequirement>().FirstOrDefault()?.AllowedRoles.FirstOrDefault() is { } required
            ? new ErrorFacts { ["required_role"] = required, ["user_role"] = context.User.Role() }
            : null;
}
