using Waitlist.Features.Auth.Sessions;

namespace Waitlist.Tests.Features.Auth;

public static class SessionCacheProbes
{
    /// <summary>Waits until the API caches sessions: its listener is connected and the cache's channel listened to.</summary>
    public static Task SessionCacheActiveAsync(this ApiFactory api) =>
        Conditions.WaitUntilAsync(() => api.Services.GetRequiredService<SessionCache>().IsActive);

    /// <summary>
    /// For a test that changed a user or their sessions by hand in the database: tells every instance, as an operator
    /// would (README, Sessions), and returns once <paramref name="api"/> has heard it.
    /// </summary>
    public static async Task ChangedByHandAsync(this ApiFactory api, NpgsqlConnection db, string userId)
    {
        await db.ExecuteAsync("SELECT pg_notify(@channel, @userId)", new { channel = SessionCache.Channel, userId });
        await api.DeliveredAsync();
    }

    /// <summary>Whether the API would answer the session of <paramref name="client"/> from its cache, without asking the database.</summary>
    public static bool CachesSessionOf(this ApiFactory api, AuthClient client) =>
        api.Services.GetRequiredService<SessionCache>().Find(client.SessionToken) is not null;
}
