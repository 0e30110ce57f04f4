namespace ContactCenter.Contracts.Routing;

/// <summary>How push assessed one agent: its exclusion reason or its rank, and the values the ranking used.</summary>
/// <param name="AgentId">The agent.</param>
/// <param name="Exclusion">Why the agent was not eligible; null when eligible.</param>
/// <param name="Rank">1 = chosen, 2 = next, …; 0 when excluded.</param>
/// <param name="MissedThisWork">The agent let an earlier offer of this work ring out.</param>
/// <param name="AgentPriority">The agent's priority for the work's queue.</param>
/// <param name="SlotsInUse">Slots in use for the work's medium.</param>
/// <param name="IdleSince">Idle since.</param>
/// <param name="Occupancy">Occupancy 0-1.</param>
/// <param name="HandledCount">Handled count.</param>
/// <param name="SkillScore">Sum of the agent's levels in the work's required skills.</param>
public sealed record PushCandidate(string AgentId, ExclusionReason? Exclusion, int Rank, bool MissedThisWork,
    int AgentPriority, int SlotsInUse, DateTimeOffset IdleSince, double Occupancy, int HandledCount, int SkillScore);
