namespace ContactCenter.Actors.Postgres;

/// <summary>One <see cref="IEventJournal.AppendAsync"/> waiting in <see cref="JournalAppendBatcher"/>. Its state fields
/// are read and written under the batcher's lock only.</summary>
internal sealed class PendingAppend(
    JournalAppendBatcher batcher, string streamId, long expectedVersion, IReadOnlyList<EventData> events, CancellationToken cancellationToken)
{
    /// <summary>The batcher it waits in (its cancellation callback's way back).</summary>
    public JournalAppendBatcher Batcher => batcher;

    public string StreamId => streamId;

    public long ExpectedVersion => expectedVersion;

    public IReadOnlyList<EventData> Events => events;

    public long NewVersion => expectedVersion + events.Count;

    public CancellationToken CancellationToken => cancellationToken;

    /// <summary>Completes with the new version, or fails with the append's own outcome.</summary>
    public TaskCompletionSource<long> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Its place in the queue while it waits; null once taken into a batch or cancelled.</summary>
    public LinkedListNode<PendingAppend>? Node { get; set; }

    /// <summary>Taken into a batch: from here on its real outcome stands, cancelled or not.</summary>
    public bool Sent { get; set; }

    /// <summary>Cancelled before it was sent: it is not (and will never be) in a batch.</summary>
    public bool Cancelled { get; set; }

    public CancellationTokenRegistration Registration { get; set; }
}
