namespace ContactCenter.Contracts.Configuration;

/// <summary>Where a call to an <see cref="InboundNumber"/> goes first.</summary>
public enum InboundNumberTargetKind
{
    /// <summary>An IVR tree, by id.</summary>
    IvrTree,

    /// <summary>A queue, by id.</summary>
    Queue,
}
