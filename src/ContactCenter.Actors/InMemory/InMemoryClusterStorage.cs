namespace ContactCenter.Actors.InMemory;

/// <summary>The in-memory providers, shared by every silo and client of one process: the single-node demo and
/// in-process test clusters. Their clock plays the database's.</summary>
public sealed class InMemoryClusterStorage
{
    public InMemoryClusterStorage(TimeProvider? clock = null)
    {
        Clock = clock ?? TimeProvider.System;
        Membership = new InMemoryMembershipTable(Clock);
        Directory = new InMemoryGrainDirectory(Membership);
        State = new InMemoryGrainStateStorage();
        Journal = new InMemoryEventJournal(Clock);
        Reminders = new InMemoryReminderTable();
    }

    public TimeProvider Clock { get; }

    public InMemoryMembershipTable Membership { get; }

    public InMemoryGrainDirectory Directory { get; }

    public InMemoryGrainStateStorage State { get; }

    public InMemoryEventJournal Journal { get; }

    public InMemoryReminderTable Reminders { get; }
}
