using Waitlist.Features.Auth.Callers;

namespace Waitlist.Features.Auth.Tokens;

/// <summary>
/// This instance's cache of the accounts access tokens name (<see cref="AuthStore.FindTokenAccountAsync"/>), keyed by
/// user id: a token says who, the account says whether they may still come in and with which role, and a hit costs no
/// query. Evicted on every instance as <see cref="CallerCache{T}"/> says, so a ban or a new role holds at once.
/// </summary>
internal sealed class AccountCache(AuthOptions options, NotificationListener listener, TimeProvider time)
    : CallerCache<AuthUser>(options, listener, time);
