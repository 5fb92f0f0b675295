using Waitlist.Features.OpenGraph;

namespace Waitlist.Tests.Features.OpenGraph;

public sealed class RenderedImageCacheTests
{
    private static Func<byte[]> Bytes(int length) => () => new byte[length];

    [Fact]
    public async Task The_least_recently_used_image_leaves_first_when_the_budget_is_exceeded()
    {
        using var cache = new RenderedImageCache(budgetBytes: 300, maxConcurrentRenders: 1);
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
        using var cache = new RenderedImageCache(budgetBytes: 50, maxConcurrentRenders: 1);

        var bytes = await cache.GetOrRenderAsync("big", Bytes(100), CancellationToken.None);

        Assert.Equal(100, bytes.Length);
        Assert.Equal(0, cache.Count);
        Assert.Equal(0, cache.Bytes);
    }

    [Fact]
    public async Task Concurrent_callers_of_one_key_share_one_render()
    {
        using var cache = new RenderedImageCache(budgetBytes: 1_000_000, maxConcurrentRenders: 4);
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
        using var cache = new RenderedImageCache(budgetBytes: 1_000_000, maxConcurrentRenders: 2);
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
        using var cache = new RenderedImageCache(budgetBytes: 1_000_000, maxConcurrentRenders: 1);
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
        using var cache = new RenderedImageCache(budgetBytes: 1_000_000, maxConcurrentRenders: 1);

        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetOrRenderAsync("k", () => throw new InvalidOperationException(), CancellationToken.None));

        Assert.Equal([1], await cache.GetOrRenderAsync("k", () => [1], CancellationToken.None));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
