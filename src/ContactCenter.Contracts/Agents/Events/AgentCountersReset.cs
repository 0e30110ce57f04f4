namespace ContactCenter.Contracts.Agents.Events;

/// <summary>A new counting period began.</summary>
public sealed record AgentCountersReset(DateTimeOffset At) : AgentEvent(At);
