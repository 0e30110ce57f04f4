namespace ContactCenter.Contracts.Routing;

/// <summary>Why routing did not consider an agent for work (or work for an agent); the first failing check is
/// recorded, in the order listed.</summary>
public enum ExclusionReason
{
    /// <summary>The agent is logged out.</summary>
    NotLoggedIn,

    /// <summary>The agent is paused.</summary>
    Paused,

    /// <summary>The agent is not logged in to the work's queue.</summary>
    NotInQueue,

    /// <summary>The agent has no capacity for the work's medium.</summary>
    NoCapacityForMedium,

    /// <summary>The agent is not ready for the work's medium (e.g. wrap-up).</summary>
    NotReadyForMedium,

    /// <summary>Every slot of the medium is in use.</summary>
    AtCapacity,

    /// <summary>The agent lacks a required skill.</summary>
    MissingSkill,

    /// <summary>The agent's level in a required skill is below the minimum.</summary>
    SkillBelowMinimum,

    /// <summary>The work is held for its sticky agent, and this is another agent.</summary>
    HeldForAnotherAgent,

    /// <summary>The agent is taking work by pull (its own round across its queues decides what it takes next, so
    /// earlier work in another queue is not overtaken); pushes are refused until the round ends.</summary>
    PullInProgress,
}
