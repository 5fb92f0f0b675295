namespace Waitlist.Features.Auth.Sessions;

/// <summary>
/// Better Auth's cross-site request check, for every feature: a state-changing request (not GET/HEAD/OPTIONS) that
/// carries a Better Auth cookie must name a trusted origin in <c>Origin</c> (or, failing that, <c>Referer</c>);
/// otherwise 403 MISSING_OR_NULL_ORIGIN or INVALID_ORIGIN. Requests without the cookie (curl, servers) pass. Endpoints
/// marked <see cref="TrustedOriginRequired"/> are checked on every method.
/// </summary>
internal static class OriginCheck
{
    public static Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        var safeMethod = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method);
        if ((safeMethod && context.GetEndpoint()?.Metadata.GetMetadata<TrustedOriginRequired>() is null) || !SessionCookies.AnyIn(request))
            return next(context);

        var origin = request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(origin) && Uri.TryCreate(request.Headers.Referer.ToString(), UriKind.Absolute, out var referer))
            origin = referer.GetLeftPart(UriPartial.Authority);
        if (string.IsNullOrEmpty(origin) || origin == "null")
            return ErrorResponses.WriteAsync(context, AuthTexts.MissingOrNullOrigin);

        var trusted = context.RequestServices.GetRequiredService<TrustedOrigins>();
        return trusted.IsTrusted(origin) ? next(context) : ErrorResponses.WriteAsync(context, AuthTexts.InvalidOrigin);
    }
}
