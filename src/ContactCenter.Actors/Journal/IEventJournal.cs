namespace ContactCenter.Actors;

/// <summary>Provider of the event journal: append-only streams with per-stream versions, snapshots, and one global
/// order that projections read from a checkpoint.</summary>
public interface IEventJournal
{
    /// <summary>Appends <paramref name="events"/> atomically if the stream's version is <paramref name="expectedVersion"/>
    /// (0 = empty stream); returns the new version. Otherwise throws <see cref="InconsistentStateException"/> and
    /// appends nothing.</summary>
    Task<long> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default);

    /// <summary>Events of one stream with versions greater than <paramref name="afterVersion"/>, in version order.</summary>
    Task<IReadOnlyList<JournalRecord>> ReadStreamAsync(string streamId, long afterVersion, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>Events of all streams with positions greater than <paramref name="afterPosition"/>, in position order.
    /// A position, once read, never has an earlier one appear after it (projections checkpoint on it).</summary>
    Task<IReadOnlyList<JournalRecord>> ReadAllAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default);

    Task<JournalSnapshot?> ReadSnapshotAsync(string streamId, CancellationToken cancellationToken = default);

    /// <summary>What an activation loads: the stream's snapshot (or null) and its first events after the snapshot's
    /// version (at most <paramref name="maxCount"/>). A provider may read both at once (one round trip, one consistent
    /// view); by default it is <see cref="ReadSnapshotAsync"/> then <see cref="ReadStreamAsync"/>.</summary>
    async Task<(JournalSnapshot? Snapshot, IReadOnlyList<JournalRecord> Records)> ReadLatestAsync(
        string streamId, int maxCount, CancellationToken cancellationToken = default)
    {
        var snapshot = await ReadSnapshotAsync(streamId, cancellationToken).ConfigureAwait(false);
        var records = await ReadStreamAsync(streamId, snapshot?.Version ?? 0, maxCount, cancellationToken).ConfigureAwait(false);
        return (snapshot, records);
    }

    /// <summary>Stores a snapshot if it is newer than the stored one.</summary>
    Task WriteSnapshotAsync(string streamId, long version, string stateJson, CancellationToken cancellationToken = default);
}
