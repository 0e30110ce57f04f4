namespace ContactCenter.Contracts.Routing;

/// <summary>How pull assessed one work item for the agent.</summary>
/// <param name="WorkItemId">The work.</param>
/// <param name="QueueId">Its queue.</param>
/// <param name="Exclusion">Why the agent may not take it; null when eligible.</param>
/// <param name="Rank">1 = chosen, 2 = next, …; 0 when excluded.</param>
/// <param name="HeldForAgent">The work is held for this agent (sticky).</param>
/// <param name="MissedByAgent">The agent let an offer of this work ring out before; such work ranks last.</param>
/// <param name="WorkPriority">Queue priority + caller boost.</param>
/// <param name="AgentPriority">The agent's priority for the work's queue.</param>
/// <param name="ArrivedAt">Arrival.</param>
/// <param name="Sequence">Enqueue sequence in its queue.</param>
public sealed record PullCandidate(string WorkItemId, string QueueId, ExclusionReason? Exclusion, int Rank,
    bool HeldForAgent, bool MissedByAgent, int WorkPriority, int AgentPriority, DateTimeOffset ArrivedAt, long Sequence);
