namespace ContactCenter.Actors.Drills;

/// <summary>The fold of a drill grain's journal.</summary>
public sealed class DrillState : IJournaledState<DrillAppended>
{
    public long LastSequence { get; set; }

    public long Appends { get; set; }

    public void Apply(DrillAppended @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        LastSequence = Math.Max(LastSequence, @event.Sequence);
        Appends++;
    }
}
