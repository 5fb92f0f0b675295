namespace Waitlist.Features.Auth.Emails;

/// <summary>
/// Turns queued <see cref="AccountEmails"/> requests into emails in the outbox, woken by this instance's requests and
/// polling every <c>Auth:AccountEmailPollSeconds</c> for the others'. A batch is claimed with SKIP LOCKED and handled
/// in one transaction: several instances never handle a request twice, and a failure puts the batch back.
/// </summary>
internal sealed class AccountEmailWorker(IServiceScopeFactory scopes, AccountEmailSignal signal, AuthOptions options, ILogger<AccountEmailWorker> logger)
    : BackgroundService
{
    private const int BatchSize = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.AccountEmailPollSeconds <= 0)
            return;
        var poll = TimeSpan.FromSeconds(options.AccountEmailPollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await HandleBatchAsync(stoppingToken) == BatchSize)
                {
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Account emails could not be prepared ({Reason}); retrying in {Seconds} s", exception.Message, poll.TotalSeconds);
            }
            await signal.WaitAsync(poll, stoppingToken);
        }
    }

    /// <returns>How many requests the batch took off the queue.</returns>
    public async Task<int> HandleBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<DbScope>();
        var store = services.GetRequiredService<AuthStore>();
        var composer = services.GetRequiredService<AccountEmailComposer>();

        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var requests = await store.ClaimEmailRequestsAsync(BatchSize, cancellationToken);
        foreach (var request in requests)
            await composer.ComposeAsync(request, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return requests.Count;
    }
}
