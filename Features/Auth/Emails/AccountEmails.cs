using System.Threading.Channels;

namespace Waitlist.Features.Auth.Emails;

/// <summary>
/// The account emails whose sending would otherwise tell whether an address is registered: password reset,
/// verification, and the note to an owner whose address someone tried to sign up with. A request only queues one row,
/// the same work whether or not the address has an account, so every answer takes the same time;
/// <see cref="AccountEmailWorker"/> then looks the account up, makes the token and queues the email. The queue is a
/// table: a request that got its answer is not lost if the process stops.
/// </summary>
internal sealed class AccountEmails(AuthStore store, DbScope db, AccountEmailSignal signal)
{
    public const string ResetPassword = "reset-password";
    public const string VerifyEmail = "verify-email";
    public const string SignUpAttempt = "sign-up-attempt";

    public async Task RequestAsync(string kind, string email, string? callbackUrl, CancellationToken cancellationToken)
    {
        await store.QueueEmailRequestAsync(kind, email, callbackUrl, cancellationToken);
        db.AfterCommit(signal.Wake);
    }
}

/// <summary>Wakes <see cref="AccountEmailWorker"/> when this instance queued a request; requests queued elsewhere wait for its next poll.</summary>
internal sealed class AccountEmailSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Wake() => _channel.Writer.TryWrite(true);

    /// <summary>Returns when woken or after <paramref name="timeout"/>, whichever is first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            await _channel.Reader.ReadAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
    }
}
