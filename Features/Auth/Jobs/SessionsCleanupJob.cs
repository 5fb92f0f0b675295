using Waitlist.Infrastructure.Scheduling;

namespace Waitlist.Features.Auth.Jobs;

/// <summary>Deletes expired sessions and expired single-use tokens (email verification, password reset).</summary>
internal sealed class SessionsCleanupJob(AuthStore store) : ICronJob
{
    public string Name => "sessions.cleanup";

    public Task<int> RunAsync(CancellationToken cancellationToken) => store.DeleteExpiredAsync(cancellationToken);
}
