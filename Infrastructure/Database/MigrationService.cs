namespace Waitlist.Infrastructure.Database;

/// <summary>
/// Migrates before the API starts serving. If PostgreSQL does not answer within
/// <c>Database:StartupTimeoutSeconds</c>, the API starts anyway (health and endpoints answer 503)
/// and keeps retrying in the background, so a database that comes up late is picked up without a restart.
/// </summary>
public sealed class MigrationService(Migrator migrator, DatabaseSettings settings, ILogger<MigrationService> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);
    private readonly TaskCompletionSource _firstAttempt = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await base.StartAsync(cancellationToken);
        var timeout = TimeSpan.FromSeconds(settings.StartupTimeoutSeconds);
        await Task.WhenAny(_firstAttempt.Task, Task.Delay(timeout, cancellationToken));
        if (_firstAttempt.Task.IsFaulted)
            await _firstAttempt.Task; // a broken migration stops start-up now, with its own error
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await migrator.MigrateAsync(stoppingToken);
                _firstAttempt.TrySetResult();
                return;
            }
            catch (Exception exception) when (DatabaseErrors.IsUnavailable(exception))
            {
                logger.LogWarning("PostgreSQL is not reachable yet ({Reason}); retrying in {Delay}s", exception.Message, RetryDelay.TotalSeconds);
                await Task.Delay(RetryDelay, stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                _firstAttempt.TrySetException(exception);
                throw;
            }
        }
    }
}
