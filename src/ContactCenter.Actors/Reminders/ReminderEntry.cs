namespace ContactCenter.Actors;

/// <summary>A durable reminder row: ticks at <see cref="StartAt"/> + k × <see cref="Period"/>. <see cref="GrainHash"/>
/// places it on the ring of silos (each silo fires the reminders of its hash range).</summary>
public sealed record ReminderEntry(GrainId GrainId, string Name, DateTimeOffset StartAt, TimeSpan Period, long Version)
    : IGrainReminder
{
    public uint GrainHash => GrainId.StableHash();

    public string ReminderName => Name;
}
