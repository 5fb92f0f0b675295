namespace Waitlist.Features.Auth.Sessions;

/// <summary>Opens sessions as Better Auth does: the row (its token hashed), then the cookie that carries the token.</summary>
internal sealed class SessionIssuer(AuthStore store, SessionCookies cookies)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(SessionCookies.SessionMaxAgeSeconds);
    public static readonly TimeSpan NotRememberedLifetime = TimeSpan.FromDays(1);

    /// <summary>A remembered session older than this slides forward to a full <see cref="Lifetime"/> when it is read.</summary>
    public static readonly TimeSpan UpdateAge = TimeSpan.FromDays(1);

    private const int MaxUserAgentLength = 512;

    /// <returns>The session's token, also set as the cookie.</returns>
    public async Task<string> OpenAsync(HttpContext context, string userId, bool rememberMe, CancellationToken cancellationToken)
    {
        var userAgent = context.Request.Headers.UserAgent.ToString();
        var token = await store.CreateSessionAsync(new NewSession(
            userId,
            rememberMe ? Lifetime : NotRememberedLifetime,
            rememberMe,
            context.ClientIp(),
            userAgent.Length == 0 ? null : userAgent[..Math.Min(userAgent.Length, MaxUserAgentLength)]), cancellationToken);
        cookies.WriteSession(context.Response, token, rememberMe);
        return token;
    }
}
