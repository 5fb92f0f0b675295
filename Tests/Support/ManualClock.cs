namespace Waitlist.Tests.Support;

/// <summary>
/// A <see cref="TimeProvider"/> whose clock moves only when a test moves it, so that "reused for a second" can be
/// tested without waiting or racing the real clock. Timers still run on real time.
/// </summary>
public sealed class ManualClock : TimeProvider
{
    private long _ticks = DateTimeOffset.UtcNow.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public override long GetTimestamp() => Interlocked.Read(ref _ticks);

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
