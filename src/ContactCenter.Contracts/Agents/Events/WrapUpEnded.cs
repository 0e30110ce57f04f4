namespace ContactCenter.Contracts.Agents.Events;

/// <summary>Wrap-up ended (time up or finished by the agent); the slot is free.</summary>
public sealed record WrapUpEnded(DateTimeOffset At, string WorkId) : AgentEvent(At);
