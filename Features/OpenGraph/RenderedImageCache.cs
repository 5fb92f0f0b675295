using System.Collections.Concurrent;

namespace Waitlist.Features.OpenGraph;

/// <summary>
/// Rendered previews by entity tag: a least-recently-used cache bounded by a byte budget, in front of a
/// renderer that runs at most N renders at once. Concurrent requests for one missing image share one render.
/// </summary>
public sealed class RenderedImageCache : IDisposable
{
    private readonly long _budget;
    private readonly SemaphoreSlim _renderSlots;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, LinkedListNode<(string Key, byte[] Bytes)>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, byte[] Bytes)> _recency = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<byte[]>>> _inFlight = new(StringComparer.Ordinal);
    private long _bytes;
    private long _renders;

    public RenderedImageCache(long budgetBytes, int maxConcurrentRenders)
    {
        _budget = Math.Max(0, budgetBytes);
        _renderSlots = new SemaphoreSlim(Math.Max(1, maxConcurrentRenders));
    }

    /// <summary>Bytes held now (never more than the budget).</summary>
    public long Bytes { get { lock (_lock) return _bytes; } }

    public int Count { get { lock (_lock) return _entries.Count; } }

    /// <summary>How many renders ran since start-up.</summary>
    public long Renders => Interlocked.Read(ref _renders);

    public bool TryGet(string key, out byte[] bytes)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                bytes = node.Value.Bytes;
                return true;
            }
        }
        bytes = [];
        return false;
    }

    /// <summary>
    /// The cached image, or a render of it shared with every concurrent caller of the same key. Cancelling
    /// stops this caller's wait only: the render finishes and is cached for the next request.
    /// </summary>
    public async Task<byte[]> GetOrRenderAsync(string key, Func<byte[]> render, CancellationToken cancellationToken)
    {
        if (TryGet(key, out var cached))
            return cached;
        var flight = _inFlight.GetOrAdd(key, k => new Lazy<Task<byte[]>>(() => RenderOnceAsync(k, render)));
        return await flight.Value.WaitAsync(cancellationToken);
    }

    private async Task<byte[]> RenderOnceAsync(string key, Func<byte[]> render)
    {
        try
        {
            await _renderSlots.WaitAsync();
            try
            {
                // A render of this key may have finished between the caller's cache miss and this flight.
                if (TryGet(key, out var cached))
                    return cached;
                var bytes = await Task.Run(render);
                Interlocked.Increment(ref _renders);
                Add(key, bytes);
                return bytes;
            }
            finally
            {
                _renderSlots.Release();
            }
        }
        finally
        {
            _inFlight.TryRemove(key, out _);
        }
    }

    private void Add(string key, byte[] bytes)
    {
        if (bytes.Length > _budget)
            return;
        lock (_lock)
        {
            if (_entries.ContainsKey(key))
                return;
            _entries[key] = _recency.AddFirst((key, bytes));
            _bytes += bytes.Length;
            while (_bytes > _budget && _recency.Last is { } oldest)
            {
                _recency.RemoveLast();
                _entries.Remove(oldest.Value.Key);
                _bytes -= oldest.Value.Bytes.Length;
            }
        }
    }

    public void Dispose() => _renderSlots.Dispose();
}
