namespace ContactCenter.Actors;

/// <summary>Provider of durable reminders.</summary>
public interface IReminderTable
{
    Task<ReminderEntry?> ReadAsync(GrainId grainId, string name, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ReminderEntry>> ReadAsync(GrainId grainId, CancellationToken cancellationToken = default);

    /// <summary>Reminders whose <see cref="ReminderEntry.GrainHash"/> lies in the ring range (<paramref name="beginExclusive"/>,
    /// <paramref name="endInclusive"/>]; when begin ≥ end the range wraps around (begin = end is the whole ring).</summary>
    Task<IReadOnlyList<ReminderEntry>> ReadRangeAsync(uint beginExclusive, uint endInclusive, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces the reminder; returns the stored row (with its new version).</summary>
    Task<ReminderEntry> UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken = default);

    Task<bool> RemoveAsync(GrainId grainId, string name, CancellationToken cancellationToken = default);
}
