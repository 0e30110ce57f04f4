namespace ContactCenter.Actors.Drills;

/// <summary>The drill grain's one event.</summary>
public sealed record DrillAppended(long Sequence);
