namespace Waitlist.Features.OpenGraph;

/// <summary>
/// Rendered previews by entity tag: a least-recently-used cache bounded by a byte budget, in front of a
/// renderer that runs at most N renders at once with at most M more waiting. Concurrent requests for one missing
/// image share one render; a render whose callers have all given up before it started is dropped.
/// </summary>
public sealed class RenderedImageCache : IDisposable
{
    private readonly long _budget;
    private readonly int _maxRenders;
    private readonly SemaphoreSlim _renderSlots;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, LinkedListNode<(string Key, byte[] Bytes)>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, byte[] Bytes)> _recency = new();
    private readonly Dictionary<string, Flight> _inFlight = new(StringComparer.Ordinal);
    private long _bytes;
    private int _queued;
    private long _renders;

    public RenderedImageCache(long budgetBytes, int maxConcurrentRenders, int maxQueuedRenders)
    {
        _budget = Math.Max(0, budgetBytes);
        maxConcurrentRenders = Math.Max(1, maxConcurrentRenders);
        _maxRenders = maxConcurrentRenders + Math.Max(0, maxQueuedRenders);
        _renderSlots = new SemaphoreSlim(maxConcurrentRenders);
    }

    /// <summary>Bytes held now (never more than the budget).</summary>
    public long Bytes { get { lock (_lock) return _bytes; } }

    public int Count { get { lock (_lock) return _entries.Count; } }

    /// <summary>Renders waiting for a slot.</summary>
    public int Queued { get { lock (_lock) return _queued; } }

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
    /// The cached image, or a render of it shared with every concurrent caller of the same key. Cancelling stops
    /// this caller's wait; once every caller of a render has cancelled, a render that has not started is dropped,
    /// while one that has started finishes and is cached for the next request.
    /// </summary>
    /// <exception cref="RenderQueueFullException">The image needs a render and the queue is full.</exception>
    public async Task<byte[]> GetOrRenderAsync(string key, Func<byte[]> render, CancellationToken cancellationToken)
    {
        if (TryGet(key, out var cached))
            return cached;

        Flight? created = null;
        Flight flight;
        lock (_lock)
        {
            if (!_inFlight.TryGetValue(key, out flight!))
            {
                if (_inFlight.Count >= _maxRenders)
                    throw new RenderQueueFullException();
                flight = created = new Flight(key);
                _inFlight[key] = flight;
                _queued++;
            }
            flight.Waiters++;
        }
        if (created is not null)
            _ = RunAsync(created, render);

        try
        {
            return await flight.Result.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            Leave(flight);
        }
    }

    private async Task RunAsync(Flight flight, Func<byte[]> render)
    {
        try
        {
            await _renderSlots.WaitAsync(flight.Abandoned.Token);
        }
        catch (OperationCanceledException)
        {
            flight.Result.TrySetCanceled();
            return;
        }
        try
        {
            lock (_lock)
            {
                // Every caller may have left between the slot's release and this line.
                if (flight.IsAbandoned)
                {
                    flight.Result.TrySetCanceled();
                    return;
                }
                flight.HasStarted = true;
                _queued--;
            }
            // A render of this key may have finished between the first caller's cache miss and this flight.
            if (!TryGet(flight.Key, out var bytes))
            {
                bytes = await Task.Run(render);
                Interlocked.Increment(ref _renders);
                Add(flight.Key, bytes);
            }
            flight.Result.TrySetResult(bytes);
        }
        catch (Exception exception)
        {
            flight.Result.TrySetException(exception);
        }
        finally
        {
            lock (_lock)
            {
                if (_inFlight.TryGetValue(flight.Key, out var current) && current == flight)
                    _inFlight.Remove(flight.Key);
            }
            _renderSlots.Release();
        }
    }

    /// <summary>A caller stops waiting (answered or cancelled); the last one out of a render not yet started drops it.</summary>
    private void Leave(Flight flight)
    {
        lock (_lock)
        {
            if (--flight.Waiters > 0 || flight.HasStarted || flight.IsAbandoned || flight.Result.Task.IsCompleted)
                return;
            flight.IsAbandoned = true;
            _inFlight.Remove(flight.Key);
            _queued--;
        }
        // Outside the lock: cancelling runs RunAsync's continuation, which may take the lock itself.
        flight.Abandoned.Cancel();
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

    /// <summary>One render and the callers waiting for it; its fields change only under the cache's lock.</summary>
    private sealed class Flight(string key)
    {
        public string Key { get; } = key;
        public TaskCompletionSource<byte[]> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>
        /// Cancelled when the last caller leaves before the render starts. Never disposed: it has no timer, and
        /// <see cref="Leave"/> may cancel it after the flight has ended.
        /// </summary>
        public CancellationTokenSource Abandoned { get; } = new();
        public int Waiters { get; set; }
        public bool HasStarted { get; set; }
        public bool IsAbandoned { get; set; }
    }
}

/// <summary>As many renders are waiting as <see cref="OpenGraphSettings.MaxQueuedRenders"/> allows.</summary>
public sealed class RenderQueueFullException() : Exception("The preview render queue is full.");
