namespace ContactCenter.Contracts.Configuration;

/// <summary>How a queue chooses among ready eligible agents of equal priority for it (ROUTE-5).</summary>
public enum SelectionStrategy
{
    /// <summary>Fewest slots in use for the work's medium, then the earliest idle-since (default).</summary>
    LongestIdle,

    /// <summary>Lowest occupancy, then fewest handled, then the earliest idle-since.</summary>
    LeastOccupied,

    /// <summary>Highest sum of the agent's levels in the work's required skills, then the earliest idle-since.</summary>
    HighestSkill,
}
