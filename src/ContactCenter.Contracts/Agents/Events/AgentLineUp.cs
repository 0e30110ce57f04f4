namespace ContactCenter.Contracts.Agents.Events;

/// <summary>The agent's phone answered the persistent line <paramref name="LineId"/>.</summary>
/// <param name="At">When the front end's report arrived.</param>
/// <param name="LineId">The line.</param>
public sealed record AgentLineUp(DateTimeOffset At, string LineId) : AgentEvent(At);
