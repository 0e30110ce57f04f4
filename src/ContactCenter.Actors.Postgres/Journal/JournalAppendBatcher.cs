using Microsoft.Extensions.Logging;

namespace ContactCenter.Actors.Postgres;

/// <summary>Group commit for <see cref="PostgresEventJournal"/>: concurrent appends of this process are queued and
/// written together, one batch at a time — while a batch is in flight the next one accumulates, and an append arriving
/// when nothing is in flight is sent at once (no timer, no delay when idle).</summary>
/// <remarks>
/// <para>A batch carries at most <see cref="PostgresEventJournalOptions.MaxBatchSize"/> appends and at most one append
/// per stream: a later append to a stream already in the batch being formed stays queued, ahead of nothing of its own
/// stream, and goes in a later batch — so appends to one stream are written in the order they were made. Batches are
/// written one after another, so a later batch never commits before an earlier one.</para>
/// <para>Cancellation: an append cancelled while it is still queued is removed and its task is cancelled; once taken
/// into a batch it has been (or is being) sent, and its real outcome — new version, conflict or error — stands whatever
/// the token says.</para>
/// <para>Each append keeps its own compare-and-swap outcome; a batch that fails as a whole (connection error, server
/// error) fails every append in it with that exception, and, as for any failed commit, the caller cannot tell whether
/// it was committed.</para>
/// </remarks>
internal sealed class JournalAppendBatcher(
    JournalBatchWriter writer, int maxBatchSize, JournalMetrics metrics, TimeProvider timeProvider, ILogger logger)
{
    private readonly Lock _gate = new();
    private readonly LinkedList<PendingAppend> _queue = new();
    private bool _writing;

    public Task<long> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<EventData> events, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<long>(cancellationToken);
        }
        var pending = new PendingAppend(this, streamId, expectedVersion, events, cancellationToken);
        if (cancellationToken.CanBeCanceled)
        {
            pending.Registration = cancellationToken.UnsafeRegister(
                static state => ((PendingAppend)state!).Batcher.Cancel((PendingAppend)state), pending);
        }
        bool start;
        lock (_gate)
        {
            if (pending.Cancelled)
            {
                return pending.Completion.Task;
            }
            pending.Node = _queue.AddLast(pending);
            start = !_writing;
            _writing = true;
        }
        if (start)
        {
            // Off the caller's scheduler (a grain turn's): the loop serves every appender of the process.
            _ = Task.Run(WriteLoopAsync, CancellationToken.None);
        }
        return pending.Completion.Task;
    }

    internal void Cancel(PendingAppend pending)
    {
        lock (_gate)
        {
            if (pending.Sent || pending.Cancelled)
            {
                return;
            }
            pending.Cancelled = true;
            if (pending.Node is { } node)
            {
                _queue.Remove(node);
                pending.Node = null;
            }
        }
        pending.Completion.TrySetCanceled(pending.CancellationToken);
    }

    private async Task WriteLoopAsync()
    {
        while (true)
        {
            List<PendingAppend> batch;
            lock (_gate)
            {
                batch = TakeBatch();
                if (batch.Count == 0)
                {
                    _writing = false;
                    return;
                }
            }
            await WriteBatchAsync(batch).ConfigureAwait(false);
        }
    }

    /// <summary>Under the lock: the oldest queued appends, at most one per stream and <c>maxBatchSize</c> in all.</summary>
    private List<PendingAppend> TakeBatch()
    {
        var batch = new List<PendingAppend>(Math.Min(_queue.Count, maxBatchSize));
        var streams = new HashSet<string>(StringComparer.Ordinal);
        var node = _queue.First;
        while (node is not null && batch.Count < maxBatchSize)
        {
            var next = node.Next;
            var pending = node.Value;
            // A stream already in this batch: this append (and every later one of its stream, which meets the same
            // check) waits for the next batch, keeping the stream's order.
            if (streams.Add(pending.StreamId))
            {
                _queue.Remove(node);
                pending.Node = null;
                pending.Sent = true;
                batch.Add(pending);
            }
            node = next;
        }
        return batch;
    }

    private async Task WriteBatchAsync(List<PendingAppend> batch)
    {
        foreach (var pending in batch)
        {
            pending.Registration.Unregister();
        }
        var started = timeProvider.GetTimestamp();
        JournalAppendOutcome[] outcomes;
        try
        {
            outcomes = await writer.WriteAsync(batch).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            metrics.FailedBatches.Add(1);
            logger.BatchFailed(batch.Count, batch.Sum(p => p.Events.Count), exception);
            foreach (var pending in batch)
            {
                pending.Completion.TrySetException(exception);
            }
            return;
        }
        metrics.BatchSize.Record(batch.Count);
        metrics.BatchDuration.Record(timeProvider.GetElapsedTime(started).TotalMilliseconds);
        for (var i = 0; i < batch.Count; i++)
        {
            var pending = batch[i];
            if (outcomes[i].Claimed)
            {
                pending.Completion.TrySetResult(pending.NewVersion);
            }
            else
            {
                metrics.Conflicts.Add(1);
                pending.Completion.TrySetException(new InconsistentStateException(
                    $"journal stream '{pending.StreamId}': expected version {pending.ExpectedVersion}, stored version {outcomes[i].StoredVersion}"));
            }
        }
    }
}
