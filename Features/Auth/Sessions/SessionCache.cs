using Waitlist.Features.Auth.Callers;

namespace Waitlist.Features.Auth.Sessions;

/// <summary>
/// This instance's cache of session lookups (<see cref="AuthStore.FindSessionAsync"/>), keyed by session token, so that
/// a signed-in request costs no query on a hit; evicted on every instance as <see cref="CallerCache{T}"/> says.
/// </summary>
internal sealed class SessionCache(AuthOptions options, NotificationListener listener, TimeProvider time)
    : CallerCache<CurrentSession>(options, listener, time)
{
    public void Add(CurrentSession session, long versionBeforeLookup) =>
        Add(session.Token, session, session.User.Id, new DateTimeOffset(DateTime.SpecifyKind(session.Session.ExpiresAt, DateTimeKind.Utc)), versionBeforeLookup);
}
