using Waitlist.Features.OpenGraph;

namespace Waitlist.Tests.Features.OpenGraph;

public static class RenderSlots
{
    /// <summary>
    /// Starts a render that holds a cache's only slot (MaxConcurrentRenders = 1) until <c>Release</c> is called, so
    /// that the renders asked for meanwhile stay in the queue.
    /// </summary>
    public static (Task<byte[]> Busy, Action Release) OccupyTheOnlySlot(this RenderedImageCache cache)
    {
        var started = new ManualResetEventSlim();
        var gate = new ManualResetEventSlim();
        var busy = cache.GetOrRenderAsync("busy", () => { started.Set(); gate.Wait(TimeSpan.FromSeconds(30)); return [0]; }, CancellationToken.None);
        started.Wait(TimeSpan.FromSeconds(30));
        return (busy, gate.Set);
    }
}
