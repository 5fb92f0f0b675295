using System.Runtime.ExceptionServices;

namespace Waitlist.Infrastructure.Database;

/// <summary>
/// Shares round trips between simultaneous callers. A call goes at once when no batch is on its way; otherwise it
/// gathers with the others that arrive meanwhile, and they go as one batch (of at most <c>maxBatchSize</c>) as soon as
/// that one comes back. Alone, a call waits for nothing; under load, one round trip serves many callers, and the store
/// does a fraction of the work per call (one statement, one commit).
/// </summary>
/// <param name="send">Sends a batch; answers one result per item, in the items' order.</param>
/// <param name="isolateFailure">
/// Which failures of a batch may come from one of its items (a row the database refuses) rather than from the store:
/// the batch's items are then sent again one by one, so that only the failing item fails. Null: none.
/// </param>
public sealed class RoundTripBatcher<TItem, TResult>(
    Func<IReadOnlyList<TItem>, Task<IReadOnlyList<TResult>>> send, int maxBatchSize = int.MaxValue,
    Func<Exception, bool>? isolateFailure = null)
{
    private readonly Lock _gate = new();
    private readonly Queue<Batch> _full = new(); // gathered up to maxBatchSize, waiting for a batch to come back
    private Batch? _gathering;
    private bool _sending; // a batch is on its way

    /// <summary>
    /// Sends <paramref name="item"/> with whatever gathers with it, and answers its result. Giving up
    /// (<paramref name="cancellationToken"/>) stops the waiting, not the batch: the item may still be stored.
    /// </summary>
    public async Task<TResult> SendAsync(TItem item, CancellationToken cancellationToken)
    {
        Batch batch;
        int index;
        bool go;
        lock (_gate)
        {
            batch = _gathering ??= new Batch();
            index = batch.Items.Count;
            batch.Items.Add(item);
            if (batch.Items.Count == maxBatchSize)
            {
                _full.Enqueue(batch);
                _gathering = null;
            }
            // A batch that comes back takes the next waiting one, under the gate: so when none is on its way, the only
            // batch waiting is this call's, and Next() takes it.
            go = !_sending;
            if (go)
            {
                _sending = true;
                Next();
            }
        }
        if (go)
            _ = RunAsync(batch);
        var results = await batch.Sent.Task.WaitAsync(cancellationToken);
        return results[index].Result;
    }

    /// <summary>Sends <paramref name="batch"/>, then the batches that gathered meanwhile, until none is waiting.</summary>
    private async Task RunAsync(Batch? batch)
    {
        while (batch is not null)
        {
            batch.Sent.SetResult(await OutcomesAsync(batch.Items));
            lock (_gate)
            {
                batch = Next();
                _sending = batch is not null;
            }
        }
    }

    /// <summary>The batch to send next, taken out of the waiting ones; call under the gate.</summary>
    private Batch? Next()
    {
        if (_full.TryDequeue(out var full))
            return full;
        var gathering = _gathering;
        _gathering = null;
        return gathering;
    }

    private async Task<Outcome[]> OutcomesAsync(List<TItem> items)
    {
        try
        {
            var results = await send(items);
            return [.. results.Select(result => new Outcome(result, null))];
        }
        catch (Exception exception) when (items.Count > 1 && isolateFailure?.Invoke(exception) == true)
        {
            var outcomes = new Outcome[items.Count];
            for (var i = 0; i < items.Count; i++)
                outcomes[i] = (await OutcomesAsync([items[i]]))[0];
            return outcomes;
        }
        catch (Exception exception)
        {
            var failure = ExceptionDispatchInfo.Capture(exception);
            return [.. items.Select(_ => new Outcome(default, failure))];
        }
    }

    private readonly record struct Outcome(TResult? Value, ExceptionDispatchInfo? Failure)
    {
        public TResult Result
        {
            get
            {
                Failure?.Throw();
                return Value!;
            }
        }
    }

    private sealed class Batch
    {
        public readonly List<TItem> Items = [];
        public readonly TaskCompletionSource<Outcome[]> Sent = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
