namespace ContactCenter.Actors.InMemory;

public sealed class InMemoryReminderTable : IReminderTable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(GrainId, string), ReminderEntry> _rows = [];

    public Task<ReminderEntry?> ReadAsync(GrainId grainId, string name, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_rows.GetValueOrDefault((grainId, name)));
        }
    }

    public Task<IReadOnlyList<ReminderEntry>> ReadAsync(GrainId grainId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            IReadOnlyList<ReminderEntry> result = _rows.Values.Where(r => r.GrainId == grainId).ToArray();
            return Task.FromResult(result);
        }
    }

    public Task<IReadOnlyList<ReminderEntry>> ReadRangeAsync(uint beginExclusive, uint endInclusive, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            IReadOnlyList<ReminderEntry> result = _rows.Values.Where(r => ReminderRing.InRange(r.GrainHash, beginExclusive, endInclusive)).ToArray();
            return Task.FromResult(result);
        }
    }

    public Task<ReminderEntry> UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_lock)
        {
            var version = _rows.TryGetValue((entry.GrainId, entry.Name), out var existing) ? existing.Version + 1 : 1;
            var stored = entry with { Version = version };
            _rows[(entry.GrainId, entry.Name)] = stored;
            return Task.FromResult(stored);
        }
    }

    public Task<bool> RemoveAsync(GrainId grainId, string name, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_rows.Remove((grainId, name)));
        }
    }
}
