namespace ContactCenter.Contracts.Agents.Events;

/// <summary>The agent paused (or changed its pause reason) with <paramref name="PauseCodeId"/>.</summary>
public sealed record AgentPaused(DateTimeOffset At, string PauseCodeId) : AgentEvent(At);
