namespace Waitlist.Tests.Support;

/// <summary>
/// The API's clock for a test that needs a month to pass in a second: real time, moved forward by <see cref="Advance"/>.
/// Install it with <see cref="Install"/> as the factory's <c>ConfigureTestServices</c>.
/// </summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public void Install(IServiceCollection services) => services.AddSingleton<TimeProvider>(this);
}
