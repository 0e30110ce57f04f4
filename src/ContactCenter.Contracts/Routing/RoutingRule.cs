namespace ContactCenter.Contracts.Routing;

/// <summary>The declared rule a routing decision applied.</summary>
public enum RoutingRule
{
    /// <summary>Push: the work is held and its sticky agent is eligible, so it goes to that agent.</summary>
    StickyAgent,

    /// <summary>Push: the work is held for a sticky agent who is not eligible now; it waits (others are set aside).</summary>
    HeldForStickyAgent,

    /// <summary>Push: the best eligible agent by: not having missed this work, the agent's priority for the queue
    /// (higher first), the queue's selection strategy, then agent id (ordinal).</summary>
    RankedAgents,

    /// <summary>Push: no agent is eligible; the work waits.</summary>
    NoEligibleAgent,

    /// <summary>Pull: work held for this agent (sticky) comes first, earliest hold deadline first.</summary>
    StickyWork,

    /// <summary>Pull: the best eligible work by: not having been missed by this agent, work priority (higher first), the
    /// agent's priority for the queue (higher first), earliest arrival, queue id (ordinal), enqueue sequence.</summary>
    RankedWork,

    /// <summary>Pull: the agent is not available (logged out or paused).</summary>
    AgentNotAvailable,

    /// <summary>Pull: no offered work is eligible for the agent.</summary>
    NoEligibleWork,
}
