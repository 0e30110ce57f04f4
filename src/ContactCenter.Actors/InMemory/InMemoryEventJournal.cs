namespace ContactCenter.Actors.InMemory;

public sealed class InMemoryEventJournal(TimeProvider clock) : IEventJournal
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<JournalRecord>> _streams = new(StringComparer.Ordinal);
    private readonly List<JournalRecord> _all = [];
    private readonly Dictionary<string, JournalSnapshot> _snapshots = new(StringComparer.Ordinal);

    public Task<long> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        lock (_lock)
        {
            if (!_streams.TryGetValue(streamId, out var stream))
            {
                stream = [];
                _streams[streamId] = stream;
            }
            if (stream.Count != expectedVersion)
            {
                return Task.FromException<long>(new InconsistentStateException(
                    $"journal stream '{streamId}': expected version {expectedVersion}, stored version {stream.Count}"));
            }
            var now = clock.GetUtcNow();
            foreach (var e in events)
            {
                var record = new JournalRecord(streamId, stream.Count + 1, _all.Count + 1, e.EventType, e.Json, now);
                stream.Add(record);
                _all.Add(record);
            }
            return Task.FromResult((long)stream.Count);
        }
    }

    public Task<IReadOnlyList<JournalRecord>> ReadStreamAsync(string streamId, long afterVersion, int maxCount, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            IReadOnlyList<JournalRecord> result = _streams.TryGetValue(streamId, out var stream)
                ? stream.Skip((int)Math.Min(afterVersion, stream.Count)).Take(maxCount).ToArray()
                : [];
            return Task.FromResult(result);
        }
    }

    public Task<IReadOnlyList<JournalRecord>> ReadAllAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            IReadOnlyList<JournalRecord> result = _all.Skip((int)Math.Min(afterPosition, _all.Count)).Take(maxCount).ToArray();
            return Task.FromResult(result);
        }
    }

    public Task<JournalSnapshot?> ReadSnapshotAsync(string streamId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_snapshots.GetValueOrDefault(streamId));
        }
    }

    public Task WriteSnapshotAsync(string streamId, long version, string stateJson, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (!_snapshots.TryGetValue(streamId, out var existing) || existing.Version < version)
            {
                _snapshots[streamId] = new JournalSnapshot(streamId, version, stateJson);
            }
        }
        return Task.CompletedTask;
    }
}
