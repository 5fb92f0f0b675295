using Waitlist.Features.OpenGraph;
using Waitlist.Tests.Support;

namespace Waitlist.Tests.Features.OpenGraph;

public sealed class RenderedImageCacheTests
{
    private static Func<byte[]> Bytes(int length) => () => new byte[length];

    [Fact]
    public async Task The_least_recently_used_image_leaves_first_when_the_budget_is_exceeded()
    {
        using var cache = new RenderedImageCache(budgetBytes: 300, maxConcurrentRenders: 1, maxQueuedRenders: 16);
        await cache.GetOrRenderAsync("a", Bytes(100), CancellationToken.None);
        await cache.GetOrRenderAsync("b", Bytes(100), CancellationToken.None);
        await cache.GetOrRenderAsync("c", Bytes(100), CancellationToken.None);
        Assert.True(cache.TryGet("a", out _)); // a is now the most recently used

        await cache.GetOrRenderAsync("d", Bytes(100), CancellationToken.None);

        Assert.False(cache.TryGet("b", out _));
        Assert.True(cache.TryGet("a", out _));
        Assert.True(cache.TryGet("c", out _));
        Assert.True(cache.TryGet("d", out _));
        Assert.Equal(300, cache.Bytes);
    }

    [Fact]
    public async Task An_image_larger_than_the_budget_is_served_but_not_kept()
    {
        using var cache = new RenderedImageCache(budgetBytes: 50, maxConcurrentRenders: 1, maxQueuedRenders: 16);

        var bytes = await cache.GetOrRenderAsync("big", Bytes(100), CancellationToken.None);

        Assert.Equal(100, bytes.Length);
        Assert.Equal(0, cache.Count);
        Assert.Equal(0, cache.Bytes);
    }

    [Fact]
    public async Task Concurrent_callers_of_one_key_share_one_render()
    {
        using var cache = new RenderedImageCache(budgetBytes: 1_000_000, maxConcurrentRenders: 4, maxQueuedRenders: 16);
        var gate = new ManualResetEventSlim();
        var renders = 0;
        byte[] Render()
        {
            Interlocked.Increment(ref renders);
            gate.Wait(TimeSpan.FromSeconds(10));
            return [1, 2, 3];
        }

        var callers = Enumerable.Range(0, 25).Select(_ => cache.GetOrRenderAsync("same", Render, CancellationToken.None)).ToList();
        gate.Set();
        var results = await Task.WhenAll(callers);

        Assert.Equal(1, renders);
        Assert.All(results, r => Assert.Same(results[0], r));
    }

    [Fact]
    public async Task At_most_the_configured_number_of_renders_run_at_once()
    {
        using var cache = new RenderedImageCache(budgetBytes: 1_000_000, maxConcurrentRenders: 2, maxQueuedRenders: 16);
        int running = 0, peak = 0;
        byte[] Render()
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref peak, now);
            Thread.Sleep(50);
            Interlocked.Decrement(ref running);
            return [0];
        }

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => cache.GetOrRenderAsync($"key-{i}", Render, CancellationToken.None)));

        Assert.Equal(2, peak);
        Assert.Equal(8, cache.Renders);
    }

    [Fact]
    public async Task A_caller_that_gives_up_does_not_cancel_the_render_for_the_others()
    {
        using var cache = new RenderedImageCache(budgetBytes: 1_000_000, maxConcurrentRenders: 1, maxQueuedRenders: 16);
        var gate = new ManualResetEventSlim();
        byte[] Render()
        {
            gate.Wait(TimeSpan.FromSeconds(10));
            return [7];
        }
        using var impatient = new CancellationTokenSource();

        var abandoned = cache.GetOrRenderAsync("k", Render, impatient.Token);
        var patient = cache.GetOrRenderAsync("k", Render, CancellationToken.None);
        impatient.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        gate.Set();

        Assert.Equal([7], await patient);
        Assert.True(cache.TryGet("k", out _));
    }

    [Fact]
    public async Task A_failed_render_is_not_cached_and_is_tried_again()
    {
        using var cache = new RenderedImageCache(budgetBytes: 1_000_000, maxConcurrentRenders: 1, maxQueuedRenders: 16);

        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetOrRenderAsync("k", () => throw new InvalidOperationException(), CancellationToken.None));

        Assert.Equal([1], await cache.GetOrRenderAsync("k", () => [1], CancellationToken.None));
    }

    [Fact]
    public async Task A_render_whose_callers_all_left_before_it_started_never_runs()
    {
        using var cache = new RenderedImageCache(budgetBytes: 1_000_000, maxConcurrentRenders: 1, maxQueuedRenders: 16);
        var (busy, release) = cache.OccupyTheOnlySlot();
        var abandonedRenders = 0;
        using var hangUp = new CancellationTokenSource();
        var waiters = Enumerable.Range(0, 3)
            .Select(_ => cache.GetOrRenderAsync("abandoned", () => { Interlocked.Increment(ref abandonedRenders); return [1]; }, hangUp.Token))
            .ToList();
        Assert.Equal(1, cache.Queued);

        hangUp.Cancel();
        foreach (var waiter in waiters)
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiter);
        release();
        await busy;
        // Queued behind the dropped render: had it stayed in the queue, it would have run first.
        await cache.GetOrRenderAsync("later", () => [2], CancellationToken.None);

        Assert.Equal(0, abandonedRenders);
        Assert.Equal(2, cache.Renders);
        Assert.Equal(0, cache.Queued);
        Assert.False(cache.TryGet("abandoned", out _));
    }

    [Fact]
    public async Task A_queued_render_runs_while_one_of_its_callers_still_waits()
    {
        using var cache = new RenderedImageCache(budgetBytes: 1_000_000, maxConcurrentRenders: 1, maxQueuedRenders: 16);
        var (busy, release) = cache.OccupyTheOnlySlot();
        using var impatient = new CancellationTokenSource();

        var abandoned = cache.GetOrRenderAsync("k", () => [7], impatient.Token);
        var patient = cache.GetOrRenderAsync("k", () => [7], CancellationToken.None);
        impatient.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        release();
        await busy;

        Assert.Equal([7], await patient);
        Assert.True(cache.TryGet("k", out _));
    }

    [Fact]
    public async Task A_started_render_finishes_and_is_cached_after_its_only_caller_left()
    {
        using var cache = new RenderedImageCache(budgetBytes: 1_000_000, maxConcurrentRenders: 1, maxQueuedRenders: 16);
        var started = new ManualResetEventSlim();
        var gate = new ManualResetEventSlim();
        using var hangUp = new CancellationTokenSource();

        var caller = cache.GetOrRenderAsync("k", () => { started.Set(); gate.Wait(TimeSpan.FromSeconds(10)); return [3]; }, hangUp.Token);
        started.Wait(TimeSpan.FromSeconds(10));
        hangUp.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => caller);
        gate.Set();
        await Conditions.WaitUntilAsync(() => cache.TryGet("k", out _));

        Assert.Equal(1, cache.Renders);
    }

    [Fact]
    public async Task A_full_queue_refuses_new_renders_while_callers_of_a_queued_one_still_join_it()
    {
        using var cache = new RenderedImageCache(budgetBytes: 1_000_000, maxConcurrentRenders: 1, maxQueuedRenders: 2);
        var (busy, release) = cache.OccupyTheOnlySlot();
        var first = cache.GetOrRenderAsync("q1", () => [1], CancellationToken.None);
        var second = cache.GetOrRenderAsync("q2", () => [2], CancellationToken.None);

        await Assert.ThrowsAsync<RenderQueueFullException>(() => cache.GetOrRenderAsync("q3", () => [3], CancellationToken.None));
        var joined = cache.GetOrRenderAsync("q1", () => [1], CancellationToken.None);
        release();
        await busy;

        Assert.Equal([1], await first);
        Assert.Equal([2], await second);
        Assert.Same(await first, await joined);
        Assert.Equal([3], await cache.GetOrRenderAsync("q3", () => [3], CancellationToken.None));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
