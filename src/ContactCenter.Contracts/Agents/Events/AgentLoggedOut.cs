namespace ContactCenter.Contracts.Agents.Events;

/// <summary>The agent logged out; slots still in wrap-up end with it.</summary>
public sealed record AgentLoggedOut(DateTimeOffset At, string? Reason) : AgentEvent(At);
