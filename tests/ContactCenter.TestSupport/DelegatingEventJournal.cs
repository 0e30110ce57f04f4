using ContactCenter.Actors;

namespace ContactCenter.TestSupport;

/// <summary>A journal that passes every call to another: the base of test decorators that watch or break the writes.</summary>
/// <param name="inner">The journal that does the work.</param>
public abstract class DelegatingEventJournal(IEventJournal inner) : IEventJournal
{
    public virtual Task<long> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default) =>
        inner.AppendAsync(streamId, expectedVersion, events, cancellationToken);

    public virtual Task WriteSnapshotAsync(string streamId, long version, string stateJson, CancellationToken cancellationToken = default) =>
        inner.WriteSnapshotAsync(streamId, version, stateJson, cancellationToken);

    public Task<IReadOnlyList<JournalRecord>> ReadStreamAsync(string streamId, long afterVersion, int maxCount, CancellationToken cancellationToken = default) =>
        inner.ReadStreamAsync(streamId, afterVersion, maxCount, cancellationToken);

    public Task<IReadOnlyList<JournalRecord>> ReadAllAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default) =>
        inner.ReadAllAsync(afterPosition, maxCount, cancellationToken);

    public Task<JournalSnapshot?> ReadSnapshotAsync(string streamId, CancellationToken cancellationToken = default) =>
        inner.ReadSnapshotAsync(streamId, cancellationToken);

    public Task<(JournalSnapshot? Snapshot, IReadOnlyList<JournalRecord> Records)> ReadLatestAsync(string streamId, int maxCount, CancellationToken cancellationToken = default) =>
        inner.ReadLatestAsync(streamId, maxCount, cancellationToken);
}
