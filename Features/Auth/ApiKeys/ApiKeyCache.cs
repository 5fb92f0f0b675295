using Waitlist.Features.Auth.Callers;

namespace Waitlist.Features.Auth.ApiKeys;

/// <summary>
/// This instance's cache of API-key lookups (<see cref="AuthStore.FindApiKeyCallerAsync"/>), keyed by the key's SHA-256,
/// holding only keys that may authenticate; evicted on every instance as <see cref="CallerCache{T}"/> says, so a key
/// disabled, deleted or whose owner is banned is refused at the next request everywhere, and an entry never outlives the
/// key's expiry.
/// </summary>
internal sealed class ApiKeyCache(AuthOptions options, NotificationListener listener, TimeProvider time)
    : CallerCache<ApiKeyCaller>(options, listener, time);
