namespace Waitlist.Tests.Support;

/// <summary>
/// A class fixture: two API instances on one database, B started after A, each ready (<see cref="ReadyAsync"/>) before
/// the first test, so that nothing a test does on one can go unheard on the other.
/// </summary>
public abstract class TwoInstances : IAsyncLifetime
{
    public ApiFactory A { get; private set; } = null!;
    public ApiFactory B { get; private set; } = null!;

    /// <summary>Completes when <paramref name="api"/> hears what the tests rely on (e.g. its notification channels).</summary>
    protected abstract Task ReadyAsync(ApiFactory api);

    public async Task InitializeAsync()
    {
        A = await ApiFactory.StartAsync();
        B = new ApiFactory(A.ConnectionString);
        B.StartServer();
        await ReadyAsync(A);
        await ReadyAsync(B);
    }

    public async Task DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
    }
}
