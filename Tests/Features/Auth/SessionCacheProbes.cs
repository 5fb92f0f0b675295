using Microsoft.Extensions.DependencyInjection;
using Waitlist.Features.Auth.Sessions;

namespace Waitlist.Tests.Features.Auth;

public static class SessionCacheProbes
{
    /// <summary>Waits until the API caches sessions: its listener is connected and the cache's channel listened to.</summary>
    public static Task SessionCacheActiveAsync(this ApiFactory api) =>
        Conditions.WaitUntilAsync(() => api.Services.GetRequiredService<SessionCache>().IsActive);

    /// <summary>Whether the API would answer the session of <paramref name="client"/> from its cache, without asking the database.</summary>
    public static bool CachesSessionOf(this ApiFactory api, AuthClient client) =>
        api.Services.GetRequiredService<SessionCache>().Find(client.SessionToken) is not null;
}
