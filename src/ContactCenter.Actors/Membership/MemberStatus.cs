namespace ContactCenter.Actors;

public enum MemberStatus
{
    Active = 1,

    /// <summary>Leaving gracefully: handing off its activations; no new placements.</summary>
    ShuttingDown = 2,

    /// <summary>Terminal. A restarted process joins again as a new generation.</summary>
    Dead = 3,
}
