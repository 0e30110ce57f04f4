namespace ContactCenter.Actors.Drills;

/// <summary>A drill grain's journal as its activation sees it.</summary>
/// <param name="LastSequence">The highest sequence appended (0 before the first).</param>
/// <param name="Appends">How many appends the journal holds; equal to <paramref name="LastSequence"/> when none was
/// lost or doubled.</param>
/// <param name="Silo">The silo the activation runs on.</param>
public sealed record DrillStatus(long LastSequence, long Appends, string Silo);
