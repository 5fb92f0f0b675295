namespace Waitlist.Features.Auth.Jobs;

/// <summary>
/// Deletes what has expired: sessions, single-use tokens (email verification, password reset), API keys, refresh tokens,
/// revocations of access tokens; and signing keys retired a day ago.
/// </summary>
internal sealed class SessionsCleanupJob(AuthStore store) : ICronJob
{
    public string Name => "sessions.cleanup";

    public Task<int> RunAsync(CancellationToken cancellationToken) => store.DeleteExpiredAsync(cancellationToken);
}
