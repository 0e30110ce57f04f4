using System.Collections.Concurrent;
using System.Collections.Immutable;
using ContactCenter.Actors;

namespace ContactCenter.Grains.Tests.Queues;

/// <summary>The cluster's journal, remembering the event types of every append made through it, per stream, so a test
/// can tell which events a grain confirmed together; it can also fail a stream's next append.</summary>
public sealed class RecordingJournal(IEventJournal inner) : IEventJournal
{
    private readonly ConcurrentDictionary<string, ImmutableList<ImmutableArray<string>>> _appends = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _failNext = new(StringComparer.Ordinal);

    /// <summary>Makes the next append to <paramref name="streamId"/> fail with an <see cref="IOException"/> (as a lost
    /// database connection would), appending nothing.</summary>
    public void FailNextAppendTo(string streamId) => _failNext[streamId] = true;

    /// <summary>The appends made to <paramref name="streamId"/>, in order, each as its events' types.</summary>
    public IReadOnlyList<ImmutableArray<string>> AppendsTo(string streamId) =>
        _appends.GetValueOrDefault(streamId, ImmutableList<ImmutableArray<string>>.Empty);

    public async Task<long> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (_failNext.TryRemove(streamId, out _))
        {
            throw new IOException($"journal stream '{streamId}': the append failed (test)");
        }
        var version = await inner.AppendAsync(streamId, expectedVersion, events, cancellationToken);
        var types = events.Select(e => e.EventType).ToImmutableArray();
        _appends.AddOrUpdate(streamId, _ => [types], (_, appends) => appends.Add(types));
        return version;
    }

    public Task<IReadOnlyList<JournalRecord>> ReadStreamAsync(string streamId, long afterVersion, int maxCount, CancellationToken cancellationToken = default) =>
        inner.ReadStreamAsync(streamId, afterVersion, maxCount, cancellationToken);

    public Task<IReadOnlyList<JournalRecord>> ReadAllAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default) =>
        inner.ReadAllAsync(afterPosition, maxCount, cancellationToken);

    public Task<JournalSnapshot?> ReadSnapshotAsync(string streamId, CancellationToken cancellationToken = default) =>
        inner.ReadSnapshotAsync(streamId, cancellationToken);

    public Task<(JournalSnapshot? Snapshot, IReadOnlyList<JournalRecord> Records)> ReadLatestAsync(string streamId, int maxCount, CancellationToken cancellationToken = default) =>
        inner.ReadLatestAsync(streamId, maxCount, cancellationToken);

    public Task WriteSnapshotAsync(string streamId, long version, string stateJson, CancellationToken cancellationToken = default) =>
        inner.WriteSnapshotAsync(streamId, version, stateJson, cancellationToken);
}
