namespace ContactCenter.Contracts.Agents.Events;

/// <summary>The agent's pause ended.</summary>
public sealed record AgentResumed(DateTimeOffset At) : AgentEvent(At);
