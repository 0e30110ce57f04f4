namespace ContactCenter.Actors.Drills;

/// <summary>A drill append arrived for a sequence whose predecessor the journal does not hold: an acknowledged write
/// was lost.</summary>
public sealed class DrillGapException(string message) : Exception(message);
