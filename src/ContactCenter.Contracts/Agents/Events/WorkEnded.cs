namespace ContactCenter.Contracts.Agents.Events;

/// <summary>The conversation ended: the slot goes to wrap-up, or frees at once when the wrap-up time is zero.</summary>
public sealed record WorkEnded(DateTimeOffset At, string WorkId) : AgentEvent(At);
