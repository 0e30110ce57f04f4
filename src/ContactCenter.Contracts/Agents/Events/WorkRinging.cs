namespace ContactCenter.Contracts.Agents.Events;

/// <summary>The reserved offer rings at the agent.</summary>
public sealed record WorkRinging(DateTimeOffset At, string WorkId) : AgentEvent(At);
